using RecLab.Charts.Plots;
using RecLab.Recommenders;

namespace RecLab.Notebooks;

/// <summary>
/// Keeps a fit's progress reports as they happen, for learning curves: pass it as <see cref="FitContext.Progress"/>.
/// Unlike <see cref="Progress{T}"/>, which posts each report to the thread pool, it records on the reporting thread,
/// so every report is there, in order, when <see cref="IRecommender.Fit"/> returns.
/// </summary>
/// <example>
/// <code>
/// var log = new FitLog();
/// model.Fit(train, new FitContext { Seed = seed, Progress = log });
/// ResultChart.Curves("Training RMSE", "epoch", "RMSE", [log.LossCurve("biased-mf")])
/// </code>
/// </example>
public sealed class FitLog : IProgress<FitProgress>
{
    private readonly Lock _gate = new();
    private readonly List<FitProgress> _reports = [];

    /// <summary>The reports received so far, in order.</summary>
    public IReadOnlyList<FitProgress> Reports
    {
        get
        {
            lock (_gate)
                return [.. _reports];
        }
    }

    /// <inheritdoc/>
    public void Report(FitProgress value)
    {
        lock (_gate)
            _reports.Add(value);
    }

    /// <summary>Forgets the reports, to record another fit.</summary>
    public void Clear()
    {
        lock (_gate)
            _reports.Clear();
    }

    /// <summary>
    /// The training loss by step (epoch or iteration) as a curve named <paramref name="name"/>; reports without a
    /// loss (stages such as <c>similarities</c>) are left out.
    /// </summary>
    public MetricCurve LossCurve(string name)
    {
        var withLoss = Reports.Where(r => r.Loss is not null).ToList();
        return new MetricCurve(name, [.. withLoss.Select(r => r.Step)], [.. withLoss.Select(r => r.Loss!.Value)]);
    }
}
