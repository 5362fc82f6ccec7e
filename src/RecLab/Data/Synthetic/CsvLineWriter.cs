using System.Globalization;
using System.Text;

namespace RecLab.Data.Synthetic;

/// <summary>
/// Writes CSV rows field by field into a reused character buffer, formatting numbers in place with the invariant
/// culture: millions of numeric rows without an allocation per row (CsvHelper's record writer allocates per row
/// and is several times slower for this shape of data).
/// </summary>
internal sealed class CsvLineWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private char[] _line = new char[1024];
    private int _length;
    private bool _rowStarted;

    public CsvLineWriter(string path)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }

    public void Header(IEnumerable<CsvColumn> columns)
    {
        foreach (var c in columns)
            Field(c.Name);
        EndRow();
    }

    public void Field(long value) => Append(value, default);

    public void Field(float value) => Append(value, default);

    public void Field(double value, string format) => Append(value, format);

    /// <summary>A text field, quoted (RFC 4180) when it holds a comma, a quote or a line break.</summary>
    public void Field(string value)
    {
        Separator();
        var quote = value.AsSpan().IndexOfAny(",\"\n\r") >= 0;
        Ensure(value.Length * 2 + 2);
        if (!quote)
        {
            value.CopyTo(_line.AsSpan(_length));
            _length += value.Length;
            return;
        }
        _line[_length++] = '"';
        foreach (var ch in value)
        {
            if (ch == '"')
                _line[_length++] = '"';
            _line[_length++] = ch;
        }
        _line[_length++] = '"';
    }

    public void EndRow()
    {
        _writer.Write(_line, 0, _length);
        _writer.Write('\n');
        _length = 0;
        _rowStarted = false;
    }

    public void Dispose() => _writer.Dispose();

    private void Append<T>(T value, ReadOnlySpan<char> format) where T : ISpanFormattable
    {
        Separator();
        int written;
        while (!value.TryFormat(_line.AsSpan(_length), out written, format, CultureInfo.InvariantCulture))
            Array.Resize(ref _line, _line.Length * 2);
        _length += written;
    }

    private void Separator()
    {
        Ensure(1);
        if (_rowStarted)
            _line[_length++] = ',';
        _rowStarted = true;
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _line.Length)
            Array.Resize(ref _line, Math.Max(_line.Length * 2, _length + extra));
    }
}
