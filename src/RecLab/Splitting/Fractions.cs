namespace RecLab.Splitting;

/// <summary>Fractions of counts, in exact decimal arithmetic so that decimal fractions behave as written.</summary>
internal static class Fractions
{
    /// <summary><c>fraction × n</c> rounded as asked.</summary>
    public static int Of(double fraction, int n, FractionRounding rounding)
    {
        // (decimal)0.3 is exactly 0.3 (the conversion keeps 15 significant digits), so 0.3 x 5 = 1.5 rounds to 2.
        var x = (decimal)fraction * n;
        return (int)(rounding switch
        {
            FractionRounding.Down => Math.Floor(x),
            FractionRounding.Up => Math.Ceiling(x),
            _ => Math.Round(x, MidpointRounding.ToEven),
        });
    }

    /// <summary><c>1 − fraction</c> without binary noise (1 − 0.8 is 0.2, not 0.19999999999999996).</summary>
    public static double Complement(double fraction) => (double)(1m - (decimal)fraction);
}
