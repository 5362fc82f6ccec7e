using System.Collections.Concurrent;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;

namespace RecLab.Tests.Support;

/// <summary>
/// Scores items by index (lowest first by default, highest first on request) and records each user's query history,
/// so evaluator tests know the ranking in advance and can check what history a query carried.
/// </summary>
public sealed class HistoryRecorder(bool highestIndexFirst = false) : Recommender<NoOptions>(new NoOptions())
{
    public readonly ConcurrentDictionary<int, int[]> Histories = new();

    public override string Name => "history-recorder";

    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        Histories[query.User] = query.History.ToArray();
        for (var i = 0; i < scores.Length; i++)
            scores[i] = highestIndexFirst ? i : -i;
    }
}
