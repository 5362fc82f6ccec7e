namespace RecLab.Recommenders.Content;

/// <summary>The learner behind <see cref="ClickModel"/>; each is an ML.NET trainer.</summary>
public enum ClickLearner
{
    /// <summary>Logistic regression on hashed user, item, cross and position features, by L-BFGS (<c>LbfgsLogisticRegression</c>).</summary>
    Logistic,

    /// <summary>Field-aware factorization machine over user, demographics, item, content, creator and context fields (<c>FieldAwareFactorizationMachine</c>).</summary>
    Ffm,

    /// <summary>Gradient-boosted trees (FastTree) on position, counting features, demographics and small item fields.</summary>
    Gbdt,

    /// <summary>The same trees boosted by LightGBM (its native library ships in the LightGBM package).</summary>
    LightGbm,
}
