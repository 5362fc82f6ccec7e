namespace RecLab.Splitting;

/// <summary>
/// How a fraction of a group's <c>n</c> interactions becomes a whole number of test interactions. The product
/// <c>fraction × n</c> is taken in exact decimal arithmetic, so <c>0.3 × 5</c> is 1.5, never 1.4999….
/// </summary>
public enum FractionRounding
{
    /// <summary>Nearest, halves to even: Python's <c>round</c>, as LensKit's <c>SampleFrac</c> and <c>LastFrac</c> use.</summary>
    Nearest,

    /// <summary>Down (floor): the test share never exceeds the fraction.</summary>
    Down,

    /// <summary>
    /// Up (ceiling): Microsoft Recommenders' stratified split, which keeps the <c>k</c>-th of <c>n</c> shuffled rows in
    /// train when <c>k/n ≤ ratio</c>, i.e. <c>floor(ratio × n)</c> train rows and <c>ceil((1 − ratio) × n)</c> test rows.
    /// </summary>
    Up,
}
