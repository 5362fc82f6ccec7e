namespace RecLab.Charts.Plots;

/// <summary>
/// Places one text label per point of a scatter so that no label covers another label or any point, for a plot
/// whose height is fixed and whose width is anywhere in a range (plots fill their container). Labels are placed in
/// pixels around their point, nearest first; when every position near a crowded point is taken, farther rings are
/// tried and the label is joined to its point by a leader line. Text sizes are estimates (no font metrics here),
/// made generous; the browser test measures the drawn labels.
/// </summary>
internal static class LabelPlacement
{
    /// <summary>The plot area's height in pixels (plotly's default 450 less the standard plots' margins).</summary>
    public const double PlotHeight = 330;

    /// <summary>The narrowest and widest plot area the labels must fit: a notebook column and the report's page width.</summary>
    public const double NarrowWidth = 560;

    public const double WideWidth = 940;

    private const double CharWidth = 7.2;

    private const double TextHeight = 17;

    /// <summary>Distances in pixels between a label and its point, nearest first.</summary>
    private static readonly double[] Gaps = [9, 24, 42, 64];

    /// <summary>Half the size of the box kept clear around each marker.</summary>
    private const double MarkerClearance = 7;

    /// <summary>Where a label's centre goes, in pixels from its point (x right, y down); <paramref name="Leader"/> when it sits
    /// far enough away to need a line to its point.</summary>
    public readonly record struct Offset(double X, double Y, bool Leader);

    /// <summary>
    /// One offset per point. <paramref name="x"/> and <paramref name="y"/> are positions as fractions of the plot
    /// area (0 = left or bottom, 1 = right or top); <paramref name="labels"/> the texts.
    /// </summary>
    public static Offset[] Place(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string> labels)
    {
        var n = x.Count;
        var sizes = labels.Select(l => (W: l.Length * CharWidth + 6, H: TextHeight)).ToArray();
        var placed = new List<Box>();
        var offsets = new Offset[n];
        // The most crowded points choose first, while they still have room.
        var order = Enumerable.Range(0, n).OrderByDescending(i => Enumerable.Range(0, n).Count(j => j != i && Near(x, y, i, j))).ThenBy(i => i).ToArray();
        foreach (var i in order)
        {
            var best = (Offset: default(Offset), Cost: double.PositiveInfinity);
            foreach (var candidate in Candidates(sizes[i].W, sizes[i].H))
            {
                var box = new Box(x[i], y[i], candidate, sizes[i].W, sizes[i].H);
                var cost = placed.Sum(other => box.Overlap(other))
                    + Enumerable.Range(0, n).Sum(j => box.Overlap(Box.Marker(x[j], y[j])))
                    + box.OutsidePlot() * 4;
                if (cost < best.Cost)
                    best = (candidate, cost);
                if (cost == 0)
                    break;
            }

            offsets[i] = best.Offset;
            placed.Add(new Box(x[i], y[i], best.Offset, sizes[i].W, sizes[i].H));
        }

        return offsets;
    }

    /// <summary>Near enough, at the narrow width, for two points' labels to compete.</summary>
    private static bool Near(IReadOnlyList<double> x, IReadOnlyList<double> y, int i, int j) =>
        Math.Abs(x[i] - x[j]) * NarrowWidth < 160 && Math.Abs(y[i] - y[j]) * PlotHeight < 40;

    /// <summary>Right, above, below, left and the diagonals, at growing distances.</summary>
    private static IEnumerable<Offset> Candidates(double width, double height)
    {
        foreach (var gap in Gaps)
        {
            var (dx, dy, leader) = (gap + width / 2, gap + height / 2, gap > Gaps[0]);
            yield return new Offset(dx, 0, leader);
            yield return new Offset(0, -dy, leader);
            yield return new Offset(0, dy, leader);
            yield return new Offset(-dx, 0, leader);
            yield return new Offset(dx, -dy, leader);
            yield return new Offset(dx, dy, leader);
            yield return new Offset(-dx, -dy, leader);
            yield return new Offset(-dx, dy, leader);
        }
    }

    /// <summary>A label's box: its point (fractions of the plot area) plus a pixel offset, at any width between the narrow and the wide one.</summary>
    private readonly record struct Box(double PointX, double PointY, Offset Offset, double Width, double Height)
    {
        public static Box Marker(double x, double y) => new(x, y, default, 2 * MarkerClearance, 2 * MarkerClearance);

        private double CenterX(double plotWidth) => PointX * plotWidth + Offset.X;

        private double CenterY => (1 - PointY) * PlotHeight + Offset.Y;

        /// <summary>
        /// The overlap in square pixels, the larger at the two extreme widths; infinite-ish when the two boxes swap
        /// sides between them (their horizontal distance is linear in the width, so they would cross in between).
        /// </summary>
        public double Overlap(Box other)
        {
            var dy = Math.Abs(CenterY - other.CenterY);
            var overlapY = (Height + other.Height) / 2 - dy;
            if (overlapY <= 0)
                return 0;
            var narrow = CenterX(NarrowWidth) - other.CenterX(NarrowWidth);
            var wide = CenterX(WideWidth) - other.CenterX(WideWidth);
            var halfWidths = (Width + other.Width) / 2;
            if (Math.Sign(narrow) != Math.Sign(wide))
                return overlapY * halfWidths;
            return overlapY * Math.Max(0, halfWidths - Math.Min(Math.Abs(narrow), Math.Abs(wide)));
        }

        /// <summary>Square pixels of the box outside the plot area at the narrow width.</summary>
        public double OutsidePlot()
        {
            var (left, right) = (CenterX(NarrowWidth) - Width / 2, CenterX(NarrowWidth) + Width / 2);
            var (top, bottom) = (CenterY - Height / 2, CenterY + Height / 2);
            var outX = Math.Max(0, -left) + Math.Max(0, right - NarrowWidth);
            var outY = Math.Max(0, -top) + Math.Max(0, bottom - PlotHeight);
            return outX * Height + outY * Width;
        }
    }
}
