using System.Globalization;

namespace RecLab.Notebooks;

/// <summary>
/// The notebook that <see cref="Execution.NotebookRunner"/> is running on this logical flow (it follows awaits and
/// the kernel's submissions): the recorded results, the cell being run, and the charts shown, for their static
/// images. Null in a kernel that VS Code or Jupyter started, and in a plain console.
/// </summary>
internal sealed class NotebookSession(bool showTimings)
{
    private static readonly AsyncLocal<NotebookSession?> CurrentSession = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, object> _recorded = new(StringComparer.Ordinal);
    private readonly List<string> _recordOrder = [];
    private readonly Dictionary<string, string> _charts = new(StringComparer.Ordinal);
    private string _cellId = "cell";
    private int _chartsInCell;

    public static NotebookSession? Current
    {
        get => CurrentSession.Value;
        set => CurrentSession.Value = value;
    }

    /// <summary>Whether outputs may show wall-clock times (they make recorded outputs differ from run to run).</summary>
    public bool ShowTimings { get; } = showTimings;

    /// <summary>Recorded results in the order first recorded (a name recorded again keeps its place, takes the new value).</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Recorded
    {
        get
        {
            lock (_gate)
                return [.. _recordOrder.Select(name => KeyValuePair.Create(name, _recorded[name]))];
        }
    }

    /// <summary>The plotly figure JSON of each chart shown, by the id of its div.</summary>
    public IReadOnlyDictionary<string, string> Charts
    {
        get
        {
            lock (_gate)
                return new Dictionary<string, string>(_charts, StringComparer.Ordinal);
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

    /// <summary>Starts a cell: the ids of its charts derive from the cell's id.</summary>
    public void BeginCell(string cellId)
    {
        lock (_gate)
            (_cellId, _chartsInCell) = (cellId, 0);
    }

    /// <summary>
    /// A div id for the next chart of the running cell, from the cell id and the chart's place in it, so the same
    /// notebook run twice writes the same ids; <paramref name="figureJson"/> is kept for the chart's static image.
    /// </summary>
    public string AddChart(string figureJson)
    {
        lock (_gate)
        {
            var id = $"reclab-chart-{_cellId}-{(++_chartsInCell).ToString(CultureInfo.InvariantCulture)}";
            _charts[id] = figureJson;
            return id;
        }
    }
}
