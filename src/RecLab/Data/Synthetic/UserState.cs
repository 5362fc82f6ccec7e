using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>
/// The mutable state of one user that a simulation carries from impression to impression and day to day, held
/// outside the immutable <see cref="World"/>: recent exposures to each creator (fatigue) and a taste that may drift.
/// Pass it to <see cref="World.Respond(UserState, int, int, ref Rng, out byte)"/>.
/// </summary>
public sealed class UserState
{
    private readonly World _world;
    private readonly float[] _taste;
    private readonly ExposureMemory _exposures = new();

    /// <summary>Starts a user from the world's ground truth: its taste, no recent exposure.</summary>
    public UserState(World world, int user)
    {
        _world = world;
        User = user;
        _taste = world.Users.Taste(user).ToArray();
    }

    /// <summary>The user.</summary>
    public int User { get; }

    /// <summary>The current taste (the world's, unless it drifted).</summary>
    public ReadOnlySpan<float> Taste => _taste;

    /// <summary>Recent exposures to a creator, the E of the fatigue term.</summary>
    public float ExposuresTo(int creator) => _exposures.Of(creator);

    /// <summary>Counts one impression of an item of <paramref name="creator"/>.</summary>
    public void RecordImpression(int creator) => _exposures.Add(creator);

    /// <summary>
    /// Ends a day: exposures decay by <see cref="WorldOptions.FatigueDecay"/>, and the taste takes one step of an
    /// Ornstein–Uhlenbeck drift around the user's original taste x₀: <c>x ← x₀ + 0.98·(x − x₀) + σ·z</c> with
    /// σ = <see cref="WorldOptions.DriftPerDay"/> per coordinate (so the taste wanders about 5σ from x₀ at most
    /// days). No drift when DriftPerDay is 0, the default and what the historical log assumes.
    /// </summary>
    public void EndDay(ref Rng rng)
    {
        _exposures.EndDay((float)_world.Options.FatigueDecay);
        var sigma = _world.Options.DriftPerDay;
        if (sigma <= 0)
            return;
        const double rho = 0.98;
        var origin = _world.Users.Taste(User);
        for (var j = 0; j < _taste.Length; j++)
            _taste[j] = (float)(origin[j] + rho * (_taste[j] - origin[j]) + sigma * rng.NextGaussian());
    }
}
