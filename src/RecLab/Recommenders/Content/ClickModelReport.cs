namespace RecLab.Recommenders.Content;

/// <summary>How well a click model predicts a set of impressions.</summary>
/// <param name="Impressions">Rows predicted.</param>
/// <param name="Clicks">Clicked rows among them.</param>
/// <param name="LogLoss">Mean log-loss of the predicted click probabilities.</param>
/// <param name="Auc">Area under the ROC curve of the predictions over all rows.</param>
public sealed record ClickModelReport(int Impressions, int Clicks, double LogLoss, double Auc);
