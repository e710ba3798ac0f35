using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Cognova.Build.Tasks;

/// <summary>Writes a passed check's warnings, in the host's canonical form, through a temporary file.</summary>
internal static class WarningsFileWriter
{
    public static void Write(string path, IReadOnlyCollection<HostDiagnostic> warnings)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + System.Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllLines(temporary, warnings.Select(DiagnosticLogger.Format));
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        File.Move(temporary, path);
    }
}
