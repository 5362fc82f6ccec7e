using System.Text;

namespace RecLab.Data.Loading;

/// <summary>
/// Reads a text file line by line into a reused buffer (no string per line), counting lines and decoding
/// each line strictly, so that an encoding problem is reported with its line and column.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly Encoding _encoding;
    private readonly Encoding _lenient;
    private readonly string _displayName;
    private byte[] _bytes = new byte[1 << 16];
    private char[] _chars = new char[1 << 12];
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(string path, Encoding encoding, string? displayName = null)
    {
        _displayName = displayName ?? path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        // A decoder that throws, so bad bytes are found rather than silently replaced.
        _encoding = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        _lenient = Encoding.GetEncoding(encoding.CodePage);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>True once the last line has been returned and it had no line terminator (a file cut short often ends so).</summary>
    public bool LastLineUnterminated { get; private set; }

    /// <summary>Length of the file in bytes (for progress).</summary>
    public long Length => _stream.Length;

    /// <summary>Bytes consumed so far (the lines returned and their terminators).</summary>
    public long Position => _stream.Position - (_end - _start);

    /// <summary>Reads the next line without its terminator; false at the end of the file.</summary>
    public bool ReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var newline = _bytes.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Decode(_start, newline);
                _start += newline + 1;
                return true;
            }
            if (_eof)
            {
                if (_start < _end)
                {
                    line = Decode(_start, _end - _start);
                    _start = _end;
                    LastLineUnterminated = true;
                    return true;
                }
                line = default;
                return false;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_bytes, _start, _bytes, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _bytes.Length)
            Array.Resize(ref _bytes, _bytes.Length * 2);
        var read = _stream.Read(_bytes, _end, _bytes.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }

    private ReadOnlySpan<char> Decode(int offset, int length)
    {
        LineNumber++;
        var bytes = _bytes.AsSpan(offset, length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            bytes = bytes[..^1];
        if (LineNumber == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        if (_chars.Length < bytes.Length)
            _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
        try
        {
            var n = _encoding.GetChars(bytes, _chars);
            return _chars.AsSpan(0, n);
        }
        catch (DecoderFallbackException e)
        {
            var bad = e.BytesUnknown is { Length: > 0 } b ? $"0x{b[0]:X2}" : "a byte";
            // The exception gives a byte index; the column is in characters, like every other column in messages.
            int? column = e.Index >= 0 && e.Index <= bytes.Length ? _lenient.GetCharCount(bytes[..e.Index]) + 1 : null;
            throw new DataFormatException(_displayName, LineNumber,
                $"{bad} is not valid {_encoding.WebName}", hint: "MovieLens 100K and 1M files are Latin-1 (ISO-8859-1); newer MovieLens files are UTF-8. Pass the right encoding or fix the file",
                column: column, inner: e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
