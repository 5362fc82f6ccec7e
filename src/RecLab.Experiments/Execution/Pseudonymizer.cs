using System.Security.Cryptography;
using System.Text;
using RecLab.Experiments.Results;
using RecLab.Experiments.Schema;

namespace RecLab.Experiments.Execution;

/// <summary>
/// Keyed pseudonyms for user ids (<see cref="PrivacyConfig.PseudonymizeIds"/>): HMAC-SHA256 under a key that stays
/// outside the results folder, so results can be shared without the ids, while the same id still gets the same
/// pseudonym in every cell, A/B test and shard run with the same key.
/// </summary>
internal sealed class Pseudonymizer
{
    /// <summary>The key itself (any text of at least 16 characters): the way to give shards on several machines one key.</summary>
    public const string KeyVariable = "RECLAB_PSEUDONYM_KEY";

    /// <summary>Where the generated key is kept, instead of the user's configuration folder.</summary>
    public const string KeyFileVariable = "RECLAB_PSEUDONYM_KEY_FILE";

    private readonly byte[] _key;

    private Pseudonymizer(byte[] key)
    {
        _key = key;
        KeyId = Convert.ToHexStringLower(HMACSHA256.HashData(key, "reclab pseudonym key id"u8))[..12];
    }

    /// <summary>A fingerprint of the key (not the key): equal fingerprints, equal pseudonyms.</summary>
    public string KeyId { get; }

    /// <summary>The pseudonymizer of <paramref name="config"/>, or null when its ids stay as they are.</summary>
    public static Pseudonymizer? For(ExperimentConfig config, string resultsFolder) =>
        config.Privacy?.PseudonymizeIds == true ? Load(resultsFolder) : null;

    /// <summary><c>p</c> and the first 16 hex digits of HMAC-SHA256(key, id): 64 bits, no collision among realistic user counts.</summary>
    public string Pseudonym(string id) => "p" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id)))[..16];

    /// <summary>The same values with each user id replaced by its pseudonym.</summary>
    public IReadOnlyList<PerUserValues> Apply(IReadOnlyList<PerUserValues> perUser) =>
        [.. perUser.Select(v => new PerUserValues(v.Metric, [.. v.Users.Select(Pseudonym)], v.Values))];

    private static Pseudonymizer Load(string resultsFolder)
    {
        var text = Environment.GetEnvironmentVariable(KeyVariable);
        if (!string.IsNullOrEmpty(text))
        {
            if (text.Length < 16)
                throw new ArgumentException($"{KeyVariable} is {text.Length} characters long: a pseudonym key needs at least 16 (e.g. `openssl rand -hex 32`).");
            return new Pseudonymizer(Encoding.UTF8.GetBytes(text));
        }
        var path = Path.GetFullPath(Environment.GetEnvironmentVariable(KeyFileVariable) is { Length: > 0 } file ? file
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "reclab", "pseudonym.key"));
        var folder = Path.GetFullPath(resultsFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (path.StartsWith(folder, StringComparison.Ordinal))
            throw new ArgumentException($"{path}: the pseudonym key would be inside the results folder {resultsFolder}, which is shared with the results. " +
                $"Point {KeyFileVariable} elsewhere.");
        if (!File.Exists(path))
            CreateKey(path);
        var key = File.ReadAllBytes(path);
        if (key.Length < 16)
            throw new ArgumentException($"{path}: a pseudonym key of {key.Length} bytes; at least 16 are needed. Delete the file to have a new one made.");
        return new Pseudonymizer(key);
    }

    private static void CreateKey(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
            // A secret: from the system's generator, not from the experiment's seed, which the results folder shows.
            stream.Write(RandomNumberGenerator.GetBytes(32));
        try
        {
            // Two runs starting at once: the first key written wins, the other run reads it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
