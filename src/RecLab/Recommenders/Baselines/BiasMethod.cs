namespace RecLab.Recommenders.Baselines;

/// <summary>How <see cref="Bias"/> fits <c>b_u</c> and <c>b_i</c>.</summary>
public enum BiasMethod
{
    /// <summary>Regularized alternating least squares, items then users (Surprise's <c>baseline_als</c>; default 10 epochs).</summary>
    Als,

    /// <summary>Stochastic gradient descent (Surprise's <c>baseline_sgd</c>; default 20 epochs).</summary>
    Sgd,

    /// <summary>
    /// LensKit's damped means: one pass, <c>b_i = sum(r - mu) / (|U_i| + ItemDamping)</c>, then
    /// <c>b_u = sum(r - mu - b_i) / (|I_u| + UserDamping)</c>.
    /// </summary>
    Damped,
}
