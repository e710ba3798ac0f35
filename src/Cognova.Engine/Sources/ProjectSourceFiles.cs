namespace Cognova.Engine.Sources;

/// <summary>The C# files under a project folder, without bin/, obj/ and hidden folders.</summary>
public static class ProjectSourceFiles
{
    public static IEnumerable<string> Under(string directory)
    {
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files;
            string[] folders;
            try
            {
                files = Directory.GetFiles(current, "*.cs");
                folders = Directory.GetDirectories(current);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var folder in folders)
            {
                var name = Path.GetFileName(folder);
                if (name is not ("bin" or "obj") && !name.StartsWith('.'))
                {
                    pending.Push(folder);
                }
            }
        }
    }
}
