namespace RecLab.Recommenders.Factorization;

/// <summary>How <see cref="ImplicitAls"/> solves each user's and item's least-squares problem.</summary>
public enum AlsSolver
{
    /// <summary>A few conjugate-gradient steps warm-started from the previous factors (Takács et al. 2011): fast.</summary>
    Cg,

    /// <summary>The exact solution by Cholesky factorization of each row's k x k system: slower, the reference.</summary>
    Cholesky,
}
