namespace RecLab.Experiments.Schema;

/// <summary>What the results may reveal about the people in the data.</summary>
public sealed record PrivacyConfig
{
    /// <summary>
    /// Replace every user id in the outputs (per_user/*.csv, ab/*/users.csv) by a keyed hash (HMAC-SHA256, 16 hex
    /// digits after a <c>p</c>). The key never enters the results folder: it is RECLAB_PSEUDONYM_KEY when set (give every
    /// machine of a sharded run the same one), else a random key kept in the user's configuration folder
    /// (<c>~/.config/reclab/pseudonym.key</c>, or RECLAB_PSEUDONYM_KEY_FILE). The same id and key give the same pseudonym,
    /// so paired tests and shard merges still pair users (the paired bootstrap intervals, which resample users in the
    /// order of their ids, move by resampling noise); manifest.json records that ids are pseudonymised and the key's fingerprint.
    /// </summary>
    public bool PseudonymizeIds { get; init; }
}
