namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// What the image worker is asked to do, as a text file: the compiler, the image folder, the assemblies to
/// compile and every assembly their code may refer to. One entry per line, <c>key value</c>.
/// </summary>
internal sealed record ImageRequest(string Compiler, string ImageDirectory, IReadOnlyList<string> Inputs, IReadOnlyList<string> References)
{
    public void Write(string path)
    {
        var lines = new List<string> { "compiler " + Compiler, "images " + ImageDirectory };
        lines.AddRange(Inputs.Select(input => "compile " + input));
        lines.AddRange(References.Select(reference => "reference " + reference));
        AtomicFile.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    /// <summary>The request in <paramref name="path"/>; null when the file is not a complete request.</summary>
    public static ImageRequest? Read(string path)
    {
        string? compiler = null, images = null;
        var inputs = new List<string>();
        var references = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var value = line[(space + 1)..];
            switch (line[..space])
            {
                case "compiler": compiler = value; break;
                case "images": images = value; break;
                case "compile": inputs.Add(value); break;
                case "reference": references.Add(value); break;
            }
        }

        return compiler is null || images is null ? null : new ImageRequest(compiler, images, inputs, references);
    }
}
