using System.Text;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// Standard output or error during a run: text written on a notebook's flow becomes a stream output of the running
/// cell; text from anywhere else goes where it went before.
/// </summary>
internal sealed class SessionWriter : TextWriter
{
    private readonly string _stream;
    private readonly TextWriter _fallback;

    public SessionWriter(string stream, TextWriter fallback)
    {
        _stream = stream;
        _fallback = fallback;
        NewLine = "\n";
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        if (NotebookSession.Current is { } session)
            session.Write(_stream, value);
        else
            _fallback.Write(value);
    }

    public override void Flush() => _fallback.Flush();
}
