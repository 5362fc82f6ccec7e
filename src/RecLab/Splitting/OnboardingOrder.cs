namespace RecLab.Splitting;

/// <summary>Which interactions of a cold user (or item) become its onboarding sample.</summary>
public enum OnboardingOrder
{
    /// <summary>The earliest by timestamp (a new user's first actions, a new item's first raters); needs timestamps.</summary>
    Earliest,

    /// <summary>A uniform random sample (seeded).</summary>
    Random,
}
