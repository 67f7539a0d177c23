using Dapper;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Passage vectors in SQLite or PostgreSQL (table <c>passage_embeddings</c>), as little-endian float32 bytes.</summary>
public sealed class PassageEmbeddingStore(IDatabase database)
{
    /// <summary>Every stored vector of <paramref name="model"/>, by text hash.</summary>
    public async Task<IReadOnlyDictionary<string, float[]>> LoadAllAsync(string model, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Hash, byte[] Vector)>(new CommandDefinition(
            "SELECT text_sha256, vector FROM passage_embeddings WHERE model = @model",
            new { model }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Hash, r => FromBytes(r.Vector), StringComparer.Ordinal);
    }

    /// <summary>Stores vectors not stored yet (a second writer of the same text keeps the first: same text, same vector).</summary>
    public async Task SaveAsync(string model, IReadOnlyCollection<(string Hash, float[] Vector)> vectors, CancellationToken cancellationToken)
    {
        if (vectors.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO passage_embeddings (model, text_sha256, vector) VALUES (@model, @Hash, @Bytes) ON CONFLICT DO NOTHING",
            vectors.Select(v => new { model, v.Hash, Bytes = ToBytes(v.Vector) }), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    internal static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    internal static float[] FromBytes(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return vector;
    }
}
