namespace RecLab.Data.Synthetic;

/// <summary>The entity kinds that own random streams: stream = Derive(world seed, kind, partition).</summary>
internal enum StreamKind : ulong
{
    Creators = 1,
    Users = 2,
    PublishTimes = 3,
    Items = 4,
    Follows = 5,
    Log = 6,
    Retention = 7,
}
