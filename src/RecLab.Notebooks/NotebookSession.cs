using RecLab.Notebooks.Documents;

namespace RecLab.Notebooks;

/// <summary>
/// The notebook being run by <see cref="Execution.NotebookRunner"/> on this logical flow (it follows awaits and
/// the tasks a cell starts): it collects the current cell's outputs and the recorded results. Null outside a run.
/// </summary>
internal sealed class NotebookSession
{
    private static readonly AsyncLocal<NotebookSession?> CurrentSession = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, object> _recorded = new(StringComparer.Ordinal);
    private readonly List<string> _recordOrder = [];
    private List<CellOutput> _outputs = [];

    public static NotebookSession? Current
    {
        get => CurrentSession.Value;
        set => CurrentSession.Value = value;
    }

    /// <summary>Recorded results in the order first recorded (a name recorded again keeps its place, takes the new value).</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Recorded
    {
        get
        {
            lock (_gate)
                return [.. _recordOrder.Select(name => KeyValuePair.Create(name, _recorded[name]))];
        }
    }

    public void Record(string name, object value)
    {
        lock (_gate)
        {
            if (!_recorded.ContainsKey(name))
                _recordOrder.Add(name);
            _recorded[name] = value;
        }
    }

    /// <summary>Starts collecting a new cell's outputs.</summary>
    public void BeginCell()
    {
        lock (_gate)
            _outputs = [];
    }

    /// <summary>The outputs collected since <see cref="BeginCell"/>.</summary>
    public IReadOnlyList<CellOutput> EndCell()
    {
        lock (_gate)
        {
            var outputs = _outputs;
            _outputs = [];
            return outputs;
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate)
            _outputs.Add(output);
    }

    /// <summary>Appends stream text, extending the previous output when it is the same stream (as Jupyter shows it).</summary>
    public void Write(string stream, string text)
    {
        if (text.Length == 0)
            return;
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream)
                _outputs[^1] = last with { Text = last.Text + text };
            else
                _outputs.Add(new StreamOutput { Name = stream, Text = text });
        }
    }
}
