namespace RecLab.Simulation.Behaviour;

/// <summary>
/// Counts per item and per creator for one arm, shared by the threads simulating its users. Integer counts only, so the
/// totals are the same in any order; money per creator is derived from them afterwards.
/// </summary>
internal sealed class ArmCounters(int items, int creators)
{
    public int[] ItemImpressions { get; } = new int[items];
    public int[] ItemClicks { get; } = new int[items];
    public int[] ItemPurchases { get; } = new int[items];

    /// <summary>Sponsored impressions delivered through each creator (influencer campaigns).</summary>
    public int[] ChannelImpressions { get; } = new int[creators];

    public void Impression(int item) => Interlocked.Increment(ref ItemImpressions[item]);

    public void Click(int item) => Interlocked.Increment(ref ItemClicks[item]);

    public void Purchase(int item) => Interlocked.Increment(ref ItemPurchases[item]);

    public void Channel(int creator) => Interlocked.Increment(ref ChannelImpressions[creator]);
}
