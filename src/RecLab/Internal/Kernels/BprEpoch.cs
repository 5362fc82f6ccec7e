namespace RecLab.Internal.Kernels;

/// <summary>What one BPR epoch did: the summed loss -ln σ(x_uij), triples ordered correctly before their update, and skipped draws.</summary>
internal readonly record struct BprEpoch(double Loss, int Correct, int Skipped);
