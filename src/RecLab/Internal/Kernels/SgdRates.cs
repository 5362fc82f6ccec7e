namespace RecLab.Internal.Kernels;

/// <summary>Learning rates (gamma) and regularization terms (lambda) of one biased-MF SGD step, per parameter kind.</summary>
internal readonly record struct SgdRates(
    float UserBiasRate, float ItemBiasRate, float UserFactorRate, float ItemFactorRate,
    float UserBiasReg, float ItemBiasReg, float UserFactorReg, float ItemFactorReg,
    bool Biased = true);
