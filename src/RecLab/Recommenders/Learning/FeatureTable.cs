using Microsoft.ML;
using Microsoft.ML.Data;

namespace RecLab.Recommenders.Learning;

/// <summary>
/// An <see cref="IDataView"/> over <see cref="IFeatureRows"/>: columns <c>Label</c> (Boolean for binary
/// classification, Single for ranking), <c>GroupId</c> (a key, for ranking) and <c>f0</c>, <c>f1</c>, ... (one
/// known-size Single vector per field). Shuffling permutes the row order with the trainer's seeded generator, so a
/// trainer seeded through <c>MLContext(seed)</c> sees the same order every time.
/// </summary>
internal sealed class FeatureTable : IDataView
{
    public const string LabelColumn = "Label";
    public const string GroupColumn = "GroupId";

    private readonly IFeatureRows _rows;
    private readonly bool _ranking;
    private readonly int _groups;

    public FeatureTable(IFeatureRows rows, bool ranking)
    {
        _rows = rows;
        _ranking = ranking;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(LabelColumn, ranking ? NumberDataViewType.Single : BooleanDataViewType.Instance);
        if (ranking)
        {
            _groups = rows.Count == 0 ? 1 : rows.Group(rows.Count - 1) + 1;
            builder.AddColumn(GroupColumn, new KeyDataViewType(typeof(uint), Math.Max(1, _groups)));
        }
        for (var f = 0; f < rows.FieldSizes.Count; f++)
            builder.AddColumn(FieldColumn(f), new VectorDataViewType(NumberDataViewType.Single, rows.FieldSizes[f]));
        Schema = builder.ToSchema();
    }

    /// <summary>The column name of field <paramref name="field"/>.</summary>
    public static string FieldColumn(int field) => "f" + field.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The names of every field column.</summary>
    public string[] FieldColumns => Enumerable.Range(0, _rows.FieldSizes.Count).Select(FieldColumn).ToArray();

    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded, rand);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly FeatureTable _table;
        private readonly bool[] _active;
        private readonly int[]? _order;
        private readonly int[][] _indices;
        private readonly float[][] _values;
        private long _position = -1;
        private int _row = -1;

        public Cursor(FeatureTable table, IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand)
        {
            _table = table;
            _active = new bool[table.Schema.Count];
            foreach (var c in columnsNeeded)
                _active[c.Index] = true;
            var rows = table._rows;
            if (rand is not null)
            {
                _order = new int[rows.Count];
                for (var r = 0; r < _order.Length; r++)
                    _order[r] = r;
                for (var r = _order.Length - 1; r > 0; r--)
                {
                    var j = rand.Next(r + 1);
                    (_order[r], _order[j]) = (_order[j], _order[r]);
                }
            }
            _indices = new int[rows.FieldSizes.Count][];
            _values = new float[rows.FieldSizes.Count][];
            for (var f = 0; f < _indices.Length; f++)
            {
                _indices[f] = new int[rows.MaxNonZeros(f)];
                _values[f] = new float[rows.MaxNonZeros(f)];
            }
        }

        public override DataViewSchema Schema => _table.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= _table._rows.Count)
            {
                _row = -1;
                return false;
            }
            _position++;
            _row = _order is null ? (int)_position : _order[_position];
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var rows = _table._rows;
            Delegate getter;
            if (column.Name == LabelColumn)
                getter = _table._ranking
                    ? (ValueGetter<float>)((ref float value) => value = rows.Label(_row))
                    : (ValueGetter<bool>)((ref bool value) => value = rows.Label(_row) > 0);
            else if (column.Name == GroupColumn)
                getter = (ValueGetter<uint>)((ref uint value) => value = (uint)(rows.Group(_row) + 1));
            else
            {
                var field = column.Index - (_table._ranking ? 2 : 1);
                var size = rows.FieldSizes[field];
                var indices = _indices[field];
                var values = _values[field];
                getter = (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    var n = rows.Write(_row, field, indices, values);
                    var editor = VBufferEditor.Create(ref value, size, n);
                    values.AsSpan(0, n).CopyTo(editor.Values);
                    if (n < size)
                        indices.AsSpan(0, n).CopyTo(editor.Indices);
                    value = editor.Commit();
                });
            }
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column {column.Name} is not of type {typeof(TValue).Name}.");
        }
    }
}
