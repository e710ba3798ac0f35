using System.Text;

namespace Cognova.Engine.WarmUp;

/// <summary>
/// The spare host's two output streams on its one pipe (<see cref="Cognova.Protocol.SpareHost"/>): each whole line
/// goes out led by the stream it belongs to, and is flushed at once, so the build reads the lines in the order they
/// were written. A build that went away (cancelled) takes no more lines: they are dropped, and the run goes on to
/// its end, so that what it writes to disk is finished.
/// </summary>
internal sealed class PipeLines(Stream pipe)
{
    private readonly object _gate = new();
    private bool _gone;

    public TextWriter Writer(char stream) => new LineWriter(this, stream);

    private void WriteLine(char stream, string line)
    {
        lock (_gate)
        {
            if (_gone)
            {
                return;
            }

            try
            {
                pipe.Write(Encoding.UTF8.GetBytes(stream + line + "\n"));
                pipe.Flush();
            }
            catch (IOException)
            {
                _gone = true;
            }
            catch (ObjectDisposedException)
            {
                _gone = true;
            }
        }
    }

    private sealed class LineWriter(PipeLines lines, char stream) : TextWriter
    {
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_line)
            {
                foreach (var c in value ?? "")
                {
                    Append(c);
                }
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        /// <summary>Each whole line is sent as it ends; a flush in the middle of a line does not split it.</summary>
        public override void Flush()
        {
        }

        /// <summary>A line left open is sent as it is: the host's last words before it exits.</summary>
        protected override void Dispose(bool disposing)
        {
            lock (_line)
            {
                if (_line.Length > 0)
                {
                    lines.WriteLine(stream, _line.ToString());
                    _line.Clear();
                }
            }

            base.Dispose(disposing);
        }

        private void Append(char c)
        {
            if (c == '\n')
            {
                var length = _line.Length > 0 && _line[^1] == '\r' ? _line.Length - 1 : _line.Length;
                lines.WriteLine(stream, _line.ToString(0, length));
                _line.Clear();
            }
            else
            {
                _line.Append(c);
            }
        }
    }
}
