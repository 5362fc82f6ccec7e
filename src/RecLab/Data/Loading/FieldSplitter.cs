namespace RecLab.Data.Loading;

/// <summary>
/// Splits one line into fields by a delimiter of one or more characters; with <c>quoted</c>, a field may be
/// wrapped in double quotes (RFC 4180, <c>""</c> for a quote inside), so delimiters inside quotes are kept.
/// </summary>
internal ref struct FieldSplitter
{
    private readonly ReadOnlySpan<char> _line;
    private readonly ReadOnlySpan<char> _delimiter;
    private readonly bool _quoted;
    private int _position;
    private bool _done;

    public FieldSplitter(ReadOnlySpan<char> line, ReadOnlySpan<char> delimiter, bool quoted)
    {
        _line = line;
        _delimiter = delimiter;
        _quoted = quoted;
    }

    /// <summary>1-based character position where the next field starts (for error messages).</summary>
    public readonly int Column => _position + 1;

    /// <summary>
    /// The next field; false when the line is used up. An unterminated quote returns false with
    /// <paramref name="error"/> set. Quoted fields with escaped quotes are unescaped into a new string.
    /// </summary>
    public bool Next(out ReadOnlySpan<char> field, out string? error)
    {
        error = null;
        field = default;
        if (_done)
            return false;
        var rest = _line[_position..];
        if (_quoted && rest.Length > 0 && rest[0] == '"')
            return NextQuoted(rest, out field, out error);
        var at = rest.IndexOf(_delimiter);
        if (at < 0)
        {
            field = rest;
            _position = _line.Length;
            _done = true;
            return true;
        }
        field = rest[..at];
        _position += at + _delimiter.Length;
        return true;
    }

    private bool NextQuoted(ReadOnlySpan<char> rest, out ReadOnlySpan<char> field, out string? error)
    {
        error = null;
        var escaped = false;
        var i = 1;
        while (true)
        {
            var q = rest[i..].IndexOf('"');
            if (q < 0)
            {
                field = default;
                error = "a quoted field is not closed";
                _done = true;
                return false;
            }
            i += q;
            if (i + 1 < rest.Length && rest[i + 1] == '"')
            {
                escaped = true;
                i += 2;
                continue;
            }
            break;
        }
        var inner = rest[1..i];
        field = escaped ? inner.ToString().Replace("\"\"", "\"").AsSpan() : inner;
        var after = rest[(i + 1)..];
        if (after.IsEmpty)
        {
            _position = _line.Length;
            _done = true;
            return true;
        }
        if (!after.StartsWith(_delimiter))
        {
            error = "text follows a closing quote";
            _done = true;
            return false;
        }
        _position += i + 1 + _delimiter.Length;
        return true;
    }

    /// <summary>Counts the remaining fields (consumes the splitter).</summary>
    public int CountRemaining()
    {
        var n = 0;
        while (Next(out _, out var error))
            n++;
        return n;
    }
}
