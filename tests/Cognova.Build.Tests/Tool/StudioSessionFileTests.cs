using Cognova.Engine.Tool;

namespace Cognova.Build.Tests.Tool;

public sealed class StudioSessionFileTests
{
    [Fact]
    public void The_session_file_is_readable_by_its_owner_alone_and_replaces_a_stale_one_whole()
    {
        var folder = Directory.CreateTempSubdirectory("cognova-studio-session-");
        try
        {
            var path = Path.Combine(folder.FullName, "session.json");
            File.WriteAllText(path, "stale");

            StudioCommand.WritePrivately(path, "{\"connection\":\"Host=h;Password=p\"}");

            Assert.Equal("{\"connection\":\"Host=h;Password=p\"}", File.ReadAllText(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            Assert.Equal(["session.json"], Directory.GetFiles(folder.FullName).Select(Path.GetFileName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
