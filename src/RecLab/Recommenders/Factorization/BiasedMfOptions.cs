namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Options of <see cref="BiasedMf"/>, with Surprise's SVD defaults (<c>n_factors=100, n_epochs=20, lr_all=0.005,
/// reg_all=0.02, init_mean=0, init_std_dev=0.1, biased=True</c>).
/// </summary>
public sealed record BiasedMfOptions : SgdFactorizationOptions
{
    /// <summary>Learn the global mean and biases (false: plain PMF, <c>r = p_u·q_i</c>).</summary>
    public bool Biased { get; init; } = true;

    /// <summary>Order of the ratings within an epoch (Surprise's user-by-user order by default); <c>Shuffled</c> needs <see cref="Blocks"/> = 1.</summary>
    public SgdOrder Order { get; init; } = SgdOrder.UserBlocks;

    /// <summary>
    /// 1: sequential SGD, bit-exact by seed. B ≥ 2: parallel SGD over a B x B grid of user and item blocks (as LIBMF),
    /// deterministic for a given B whatever the number of threads; use a multiple of the number of threads (each thread
    /// then keeps its own groups of rows in its core's cache).
    /// </summary>
    public int Blocks { get; init; } = 1;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        base.Validate()
            .Concat(Between(nameof(Blocks), Blocks, 1, 256))
            .Concat(Order == SgdOrder.Shuffled && Blocks > 1
                ? [new OptionError(nameof(Order), "shuffled applies to sequential SGD only (Blocks = 1); grid blocks are visited user by user")]
                : []);
}
