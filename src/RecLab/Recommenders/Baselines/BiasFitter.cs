using RecLab.Data;

namespace RecLab.Recommenders.Baselines;

/// <summary>Fitted baseline <c>b_ui = mu + b_u + b_i</c>; users and items without training data have bias 0.</summary>
/// <param name="Mean">Global mean rating <c>mu</c>.</param>
/// <param name="User">User biases <c>b_u</c>, one per user of the id space.</param>
/// <param name="Item">Item biases <c>b_i</c>, one per item of the id space.</param>
internal sealed record Biases(double Mean, double[] User, double[] Item)
{
    /// <summary><c>mu + b_u + b_i</c>, with 0 for an index outside the id space (an anonymous user).</summary>
    public double Of(int user, int item) =>
        Mean + ((uint)user < (uint)User.Length ? User[user] : 0) + ((uint)item < (uint)Item.Length ? Item[item] : 0);
}

/// <summary>
/// The two ways Surprise fits baselines (<c>baseline_als</c> and <c>baseline_sgd</c>), in the same update order,
/// shared by <see cref="Bias"/> and the neighbourhood models that centre on baselines.
/// </summary>
internal static class BiasFitter
{
    /// <summary>
    /// Alternating least squares, items first, then users, each epoch:
    /// <c>b_i = sum_u (r_ui - mu - b_u) / (reg_i + |U_i|)</c>, then <c>b_u = sum_i (r_ui - mu - b_i) / (reg_u + |I_u|)</c>.
    /// One epoch from zero is LensKit's damped bias model (damping = regularization).
    /// </summary>
    public static Biases Als(InteractionData data, int epochs, double userRegularization, double itemRegularization, CancellationToken ct)
    {
        var mu = ValueMean.Of(data.ValueColumn);
        var bu = new double[data.UserCount];
        var bi = new double[data.ItemCount];
        var byUser = data.ByUser;
        var byItem = data.ByItem;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < bi.Length; i++)
            {
                var users = byItem.RowIndices(i);
                var values = byItem.RowValues(i);
                double dev = 0;
                for (var k = 0; k < users.Length; k++)
                    dev += values[k] - mu - bu[users[k]];
                // No ratings: no evidence, bias 0 (with no regularization this was 0/0).
                bi[i] = users.Length == 0 ? 0 : dev / (itemRegularization + users.Length);
            }
            for (var u = 0; u < bu.Length; u++)
            {
                var items = byUser.RowIndices(u);
                var values = byUser.RowValues(u);
                double dev = 0;
                for (var k = 0; k < items.Length; k++)
                    dev += values[k] - mu - bi[items[k]];
                bu[u] = items.Length == 0 ? 0 : dev / (userRegularization + items.Length);
            }
        }
        return new Biases(mu, bu, bi);
    }

    /// <summary>
    /// Stochastic gradient descent over the ratings in canonical order (by user, then item), per rating:
    /// <c>e = r - (mu + b_u + b_i); b_u += lr (e - reg b_u); b_i += lr (e - reg b_i)</c>.
    /// </summary>
    public static Biases Sgd(InteractionData data, int epochs, double regularization, double learningRate, CancellationToken ct)
    {
        var mu = ValueMean.Of(data.ValueColumn);
        var bu = new double[data.UserCount];
        var bi = new double[data.ItemCount];
        var byUser = data.ByUser;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            for (var u = 0; u < bu.Length; u++)
            {
                var items = byUser.RowIndices(u);
                var values = byUser.RowValues(u);
                for (var k = 0; k < items.Length; k++)
                {
                    var i = items[k];
                    var err = values[k] - (mu + bu[u] + bi[i]);
                    bu[u] += learningRate * (err - regularization * bu[u]);
                    bi[i] += learningRate * (err - regularization * bi[i]);
                }
            }
        }
        return new Biases(mu, bu, bi);
    }
}
