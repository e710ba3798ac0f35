using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Cognova.Build.Testing.Postgres;

/// <summary>
/// A PostgreSQL cluster in a temporary folder: <c>initdb</c>, <c>pg_ctl start</c> on 127.0.0.1 and a
/// free port, <c>pg_ctl stop -m immediate</c> and delete on dispose. As root (containers, CI) the
/// programs run as the <c>postgres</c> OS user, since initdb and pg_ctl refuse to run as root.
/// </summary>
internal sealed class ThrowAwayCluster : IDisposable
{
    public const string SuperUser = "postgres";

    private const string ServerOsUser = "postgres";
    private const int StartAttempts = 3;
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    // Environment for the PostgreSQL programs: a locale that always exists, and no PG* variables of
    // the caller that could point them elsewhere.
    private static readonly Dictionary<string, string?> ProgramEnvironment = new()
    {
        ["LC_ALL"] = "C",
        ["LANG"] = "C",
        ["PGDATA"] = null,
        ["PGHOST"] = null,
        ["PGPORT"] = null,
        ["PGOPTIONS"] = null,
        ["PGUSER"] = null,
        ["PGDATABASE"] = null,
    };

    private readonly PostgresBinaries _binaries;
    private readonly CommandRunner _runner;
    private int _disposed;

    private ThrowAwayCluster(PostgresBinaries binaries, CommandRunner runner, string root)
    {
        _binaries = binaries;
        _runner = runner;
        Root = root;
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string SocketDirectory => Path.Combine(Root, "socket");

    public string LogFile => Path.Combine(Root, "server.log");

    public int Port { get; private set; }

    public static ThrowAwayCluster Start(PostgresBinaries binaries)
    {
        var runner = CommandRunner.Create();
        var root = CreateRoot(runner.OsUser);
        var cluster = new ThrowAwayCluster(binaries, runner, root);
        try
        {
            cluster.InitDb();
            cluster.StartServer();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Stop();
        DeleteRoot();
    }

    private void InitDb()
    {
        var result = Run(_binaries.InitDb,
            [
                "-D", DataDirectory,
                "-U", SuperUser,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
            InitDbTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"initdb failed with exit code {result.ExitCode} ({_binaries.InitDb}{_runner.Describe()}):\n{Tail(result.All, 40)}");
        }

        var socket = SocketDirectory.Length < 100 ? SocketDirectory : string.Empty; // Unix socket paths are short.
        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Cognova.Build test server: local only, fast, not durable.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"unix_socket_directories = {Quote(socket)}")
            .AppendLine("max_connections = 200")
            .AppendLine("fsync = off")
            .AppendLine("synchronous_commit = off")
            .AppendLine("full_page_writes = off")
            .AppendLine("jit = off")
            .AppendLine("max_parallel_workers_per_gather = 0")
            .AppendLine("autovacuum = off")
            .AppendLine("logging_collector = off")
            .ToString();
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), settings);
    }

    private void StartServer()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var result = Run(_binaries.PgCtl,
                [
                    "start",
                    "-D", DataDirectory,
                    "-l", LogFile,
                    "-w",
                    "-t", ((int)StartTimeout.TotalSeconds - 10).ToString(CultureInfo.InvariantCulture),
                    "-o", $"-p {Port}",
                ],
                StartTimeout);
            if (result.ExitCode == 0)
            {
                WaitUntilReady();
                return;
            }

            var log = ReadLogTail(60);
            KillServer();
            var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || log.Contains("already in use", StringComparison.OrdinalIgnoreCase);
            if (!portTaken || attempt == StartAttempts)
            {
                throw new InvalidOperationException(
                    $"pg_ctl start failed with exit code {result.ExitCode} (port {Port}{_runner.Describe()}).\n"
                    + $"pg_ctl said:\n{Tail(result.All, 20)}\nEnd of the server log:\n{log}");
            }
        }
    }

    private void WaitUntilReady()
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Database = "postgres",
            Pooling = false,
            Timeout = 5,
        }.ConnectionString;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var connection = new NpgsqlConnection(connectionString);
                connection.Open();
                using var command = new NpgsqlCommand("SELECT 1", connection);
                command.ExecuteScalar();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                if (watch.Elapsed > ReadyTimeout)
                {
                    throw new InvalidOperationException(
                        $"The PostgreSQL server on 127.0.0.1:{Port} started but did not accept connections within {ReadyTimeout}: {e.Message}\n"
                        + $"End of the server log:\n{ReadLogTail(60)}",
                        e);
                }

                Thread.Sleep(250);
            }
        }
    }

    private void Stop()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return;
        }

        try
        {
            var result = Run(_binaries.PgCtl,
                ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30"],
                StopTimeout);
            if (result.ExitCode == 0)
            {
                return;
            }
        }
        catch (TimeoutException)
        {
            // Fall through to killing the postmaster.
        }

        KillServer();
    }

    /// <summary>Kills the postmaster named in postmaster.pid (and its children), if it still runs.</summary>
    private void KillServer()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        try
        {
            if (!File.Exists(pidFile)
                || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return;
            }

            using var process = Process.GetProcessById(pid);
            if (process.ProcessName.Contains("postgres", StringComparison.OrdinalIgnoreCase))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(15));
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException
            or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // Not running any more, or not ours to kill.
        }
    }

    private void DeleteRoot()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A backend that is still exiting may be removing its files at the same time.
                Thread.Sleep(200 * attempt);
            }
        }
    }

    private ProcessResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout) =>
        _runner.Run(program, arguments, Root, ProgramEnvironment, timeout);

    private string ReadLogTail(int lines)
    {
        try
        {
            return File.Exists(LogFile) ? Tail(File.ReadAllText(LogFile), lines) : "(no server log was written)";
        }
        catch (IOException e)
        {
            return $"(cannot read the server log: {e.Message})";
        }
    }

    private static string Tail(string text, int lines)
    {
        var all = text.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private static string Quote(string setting) => "'" + setting.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>The folder for the cluster, owned by the OS user that runs the server.</summary>
    private static string CreateRoot(string? osUser)
    {
        var parent = Path.GetTempPath();
        if (osUser is not null && !OthersCanTraverse(parent))
        {
            // e.g. a TMPDIR inside root's home: the postgres user could not reach a folder in there.
            parent = "/tmp";
        }

        var root = Path.Combine(parent, "cognova-pg-" + Guid.NewGuid().ToString("N")[..12]);
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
            Directory.CreateDirectory(Path.Combine(root, "socket"));
        }
        else
        {
            Directory.CreateDirectory(root, ownerOnly);
            Directory.CreateDirectory(Path.Combine(root, "socket"), ownerOnly);
        }

        if (osUser is not null)
        {
            var chown = ProcessRunner.Run("chown", ["-R", osUser, root], timeout: TimeSpan.FromSeconds(30));
            if (chown.ExitCode != 0)
            {
                Directory.Delete(root, recursive: true);
                throw new InvalidOperationException(
                    $"Cannot hand the temporary PostgreSQL folder to the '{osUser}' user (chown exit code {chown.ExitCode}): {chown.All}");
            }
        }

        return root;
    }

    private static bool OthersCanTraverse(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            if (!directory.Exists || !directory.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs the PostgreSQL programs as this process's user, or as <c>postgres</c> when that is root.</summary>
    private sealed class CommandRunner
    {
        private readonly string? _runuser;

        private CommandRunner(string? osUser, string? runuser)
        {
            OsUser = osUser;
            _runuser = runuser;
        }

        /// <summary>The OS user the programs run as, or null for this process's user.</summary>
        public string? OsUser { get; }

        public static CommandRunner Create()
        {
            if (OperatingSystem.IsWindows() || !(Environment.IsPrivilegedProcess || Environment.UserName == "root"))
            {
                return new CommandRunner(null, null);
            }

            var id = TryRun("id", ["-u", ServerOsUser]);
            if (id is not { ExitCode: 0 })
            {
                throw new InvalidOperationException(
                    $"The tests run as root, and PostgreSQL refuses to run as root, so the throw-away server runs as the "
                    + $"'{ServerOsUser}' OS user, which does not exist here. Create it (installing the 'postgresql' package does), "
                    + $"run the tests as another user, or set {PostgresServer.DatabaseUrlVariable} to an existing server.");
            }

            var runuser = FindOnPath("runuser") ?? new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists);
            return new CommandRunner(ServerOsUser, runuser);
        }

        public string Describe() => OsUser is null ? string.Empty : $", run as the '{OsUser}' OS user";

        public ProcessResult Run(
            string program,
            IReadOnlyList<string> arguments,
            string workingDirectory,
            IReadOnlyDictionary<string, string?> environment,
            TimeSpan timeout)
        {
            if (OsUser is null)
            {
                return ProcessRunner.Run(program, arguments, workingDirectory, environment, timeout);
            }

            if (_runuser is not null)
            {
                return ProcessRunner.Run(_runuser, ["-u", OsUser, "--", program, .. arguments], workingDirectory, environment, timeout);
            }

            var command = string.Join(' ', new[] { program }.Concat(arguments).Select(ShellQuote));
            return ProcessRunner.Run("su", [OsUser, "-s", "/bin/sh", "-c", command], workingDirectory, environment, timeout);
        }

        private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static ProcessResult? TryRun(string program, IEnumerable<string> arguments)
        {
            try
            {
                return ProcessRunner.Run(program, arguments, timeout: TimeSpan.FromSeconds(30));
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }

        private static string? FindOnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, program))
                .FirstOrDefault(File.Exists);
    }
}
