using Microsoft.ML.Calibrators;

namespace RecLab.Recommenders.Learning;

/// <summary>ML.NET's Platt map from a margin to a probability, <c>p = 1 / (1 + exp(Slope·s + Offset))</c>.</summary>
internal readonly record struct Platt(double Slope, double Offset)
{
    public static Platt Of(PlattCalibrator calibrator) => new(calibrator.Slope, calibrator.Offset);

    public float Probability(float margin) => (float)(1 / (1 + Math.Exp(Slope * margin + Offset)));
}
