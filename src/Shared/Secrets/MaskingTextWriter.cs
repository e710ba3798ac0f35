using System;
using System.IO;
using System.Text;

namespace Cognova.Secrets;

/// <summary>
/// A writer that masks what passes through it (<see cref="SecretMasker.MaskText"/>) a line at a time, so
/// that a key and its value written in two calls are still masked together. Put in front of the console
/// where code we do not control (the application's own logging) may write.
/// </summary>
internal sealed class MaskingTextWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly StringBuilder _pending = new();
    private readonly object _gate = new();

    public MaskingTextWriter(TextWriter inner)
    {
        _inner = inner;

        // A last line without a newline is written when the process ends, as the console would have.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Flush();
            }
            catch (Exception e) when (e is ObjectDisposedException or IOException)
            {
                // The stream closed before the process ended: nothing is left to write to.
            }
        };
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            WriteCompleteLines();
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            WriteCompleteLines();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + CoreNewLineStr);

    public override void WriteLine() => Write(CoreNewLineStr);

    /// <summary>Writes what is buffered (a prompt, a spinner frame), masked on its own.</summary>
    public override void Flush()
    {
        lock (_gate)
        {
            if (_pending.Length > 0)
            {
                _inner.Write(SecretMasker.MaskText(_pending.ToString()));
                _pending.Clear();
            }

            _inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private string CoreNewLineStr => new(CoreNewLine);

    private void WriteCompleteLines()
    {
        var text = _pending.ToString();
        var lastNewline = text.LastIndexOf('\n');
        if (lastNewline < 0)
        {
            return;
        }

        _inner.Write(SecretMasker.MaskText(text.Substring(0, lastNewline + 1)));
        _inner.Flush();
        _pending.Clear().Append(text, lastNewline + 1, text.Length - lastNewline - 1);
    }
}
