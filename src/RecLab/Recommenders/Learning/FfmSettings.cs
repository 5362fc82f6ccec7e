namespace RecLab.Recommenders.Learning;

/// <summary>Settings of ML.NET's field-aware factorization machine trainer (ADAGRAD SGD); <paramref name="Factors"/> a multiple of 8 (see <see cref="Content.ClickModelOptions.Factors"/>).</summary>
internal sealed record FfmSettings(int Factors, int Epochs, double LearningRate, double LinearRegularization, double LatentRegularization);
