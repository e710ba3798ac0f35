using Cognova.Secrets;

namespace Cognova.Engine.Tool;

/// <summary>
/// Everything <c>dotnet cognova</c> prints and asks goes through here. The tool starts the host with
/// its own standard streams, so the host sees the user's terminal: colours only when standard output
/// is a terminal (and neither <c>--no-color</c> nor <c>NO_COLOR</c>), a spinner on standard error only
/// when it is a terminal (a progress line otherwise), questions only when <see cref="IsInteractive"/>.
/// Every line is masked: no password reaches the screen or a log.
/// </summary>
public sealed class CliConsole
{
    /// <summary>
    /// <c>0</c>: never ask (as without a terminal); <c>1</c>: ask even when standard input is redirected
    /// (answers are read line by line). Unset: ask when standard input and output are a terminal.
    /// </summary>
    public const string InteractiveVariable = "COGNOVA_INTERACTIVE";

    private const string Reset = "\u001b[0m";
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly TextReader _in;
    private readonly bool _color;
    private readonly bool _spinner;
    private readonly object _gate = new();

    public CliConsole(TextWriter output, TextWriter error, TextReader input, bool color, bool interactive, bool spinner, bool verbose)
    {
        _out = output;
        _error = error;
        _in = input;
        _color = color;
        _spinner = spinner;
        IsInteractive = interactive;
        IsVerbose = verbose;
    }

    public bool IsInteractive { get; }

    /// <summary>The standard output this console writes to (the process's, even while the application's console output is redirected).</summary>
    public TextWriter Output => _out;

    public bool IsVerbose { get; }

    public static CliConsole FromEnvironment(bool noColor, bool verbose)
    {
        var forced = Environment.GetEnvironmentVariable(InteractiveVariable);
        var interactive = forced switch
        {
            "1" or "true" => true,
            "0" or "false" => false,
            _ => !Console.IsInputRedirected && !Console.IsOutputRedirected,
        };
        var color = !noColor && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var spinner = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && !noColor;
        return new CliConsole(Console.Out, Console.Error, Console.In, color, interactive, spinner, verbose);
    }

    public void Line(string text = "") => Write(_out, text, null);

    public void Heading(string text) => Write(_out, text, "\u001b[1m");

    public void Success(string text) => Write(_out, text, "\u001b[32m");

    public void Warning(string text) => Write(_out, text, "\u001b[33m");

    /// <summary>Something that fails a check, reported as part of a command's normal output (standard output, red).</summary>
    public void Danger(string text) => Write(_out, text, "\u001b[31m");

    public void Dim(string text) => Write(_out, text, "\u001b[90m");

    /// <summary>SQL shown to a reader (highlighted on a terminal).</summary>
    public void Sql(string text) => Write(_out, text, "\u001b[36m");

    /// <summary>
    /// Output meant for a pipe or a file (a SQL script): never coloured, and written as it is, since
    /// masking could change a statement (<c>SET password = …</c>); it holds no connection string.
    /// </summary>
    public void Data(string text)
    {
        lock (_gate)
        {
            _out.WriteLine(text);
            _out.Flush();
        }
    }

    public void Error(string text) => Write(_error, text, "\u001b[31m");

    public void Verbose(string text)
    {
        if (IsVerbose)
        {
            Write(_error, "cognova: " + text, "\u001b[90m");
        }
    }

    /// <summary>
    /// Shows that something is under way until disposed: a spinner on a terminal, otherwise one line
    /// on standard error (so that standard output stays clean for data).
    /// </summary>
    public IDisposable Progress(string text)
    {
        if (!_spinner)
        {
            Write(_error, text + "...", null);
            return new NoProgress();
        }

        return new Spinner(this, SecretMasker.MaskText(text));
    }

    /// <summary>Asks a yes/no question; only call when <see cref="IsInteractive"/>. End of input answers no.</summary>
    public bool Confirm(string question)
    {
        while (true)
        {
            var answer = Ask(question + " [y/N]")?.Trim().ToLowerInvariant();
            switch (answer)
            {
                case null or "" or "n" or "no":
                    return false;
                case "y" or "yes":
                    return true;
                default:
                    Line("Please answer y or n.");
                    break;
            }
        }
    }

    /// <summary>Asks for a line of text; null at the end of input.</summary>
    public string? Ask(string question)
    {
        lock (_gate)
        {
            _out.Write(Paint(SecretMasker.MaskText(question), "\u001b[1m") + " ");
            _out.Flush();
        }

        return _in.ReadLine();
    }

    private void Write(TextWriter writer, string text, string? colour)
    {
        lock (_gate)
        {
            foreach (var line in SecretMasker.MaskText(text).Replace("\r\n", "\n").Split('\n'))
            {
                writer.WriteLine(Paint(line, colour));
            }

            writer.Flush();
        }
    }

    private string Paint(string text, string? colour) => _color && colour is not null && text.Length > 0 ? colour + text + Reset : text;

    private sealed class NoProgress : IDisposable
    {
        public void Dispose()
        {
        }
    }

    /// <summary>A braille spinner on standard error, redrawn ten times a second, erased when done.</summary>
    private sealed class Spinner : IDisposable
    {
        private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
        private readonly CliConsole _console;
        private readonly string _text;
        private readonly Timer _timer;
        private int _frame;
        private bool _stopped;

        public Spinner(CliConsole console, string text)
        {
            _console = console;
            _text = text;
            _timer = new Timer(_ => Draw(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        }

        private void Draw()
        {
            lock (_console._gate)
            {
                if (_stopped)
                {
                    return;
                }

                _console._error.Write($"\r{Frames[_frame++ % Frames.Length]} {_text}");
                _console._error.Flush();
            }
        }

        public void Dispose()
        {
            _timer.Dispose();
            lock (_console._gate)
            {
                _stopped = true;
                _console._error.Write("\r\u001b[2K");
                _console._error.Flush();
            }
        }
    }
}
