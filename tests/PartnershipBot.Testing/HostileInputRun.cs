using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace PartnershipBot.Testing;

/// <summary>
/// Sends <see cref="HostileRequests"/> at a bot endpoint from several callers at once and counts the answers
/// by case and status. A request the server cut off shows as status 0 with the transport error, since a
/// dropped connection is an answer too (e.g. to a body far over the size cap), just not an HTTP one.
/// </summary>
public static class HostileInputRun
{
    /// <summary>Sends requests <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public static async Task<HostileTally> SendAsync(
        HttpClient client, Uri endpoint, string serviceUrl, string? bearerToken, int first, int count, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tally = new HostileTally();
        var next = first - 1;
        var last = first + count;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < last)
            {
                var hostile = HostileRequests.Create(i, serviceUrl);
                tally.Add(hostile.Case, await SendOneAsync(client, endpoint, hostile, bearerToken));
            }
        }));
        return tally;
    }

    /// <summary>Sends one request; status 0 and the error when the connection failed instead.</summary>
    public static async Task<(int Status, string? Error)> SendOneAsync(HttpClient client, Uri endpoint, HostileRequest hostile, string? bearerToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hostile);
        using var content = new ByteArrayContent(hostile.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.TransferEncodingChunked = hostile.Chunked ? true : null;
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            return (0, ex.HttpRequestError.ToString());
        }
    }
}

/// <summary>Answers counted by case and status (0 = no HTTP answer).</summary>
public sealed class HostileTally
{
    private readonly ConcurrentDictionary<(string Case, int Status), int> counts = new();
    private readonly ConcurrentDictionary<string, int> transportErrors = new();

    /// <summary>Every (case, status) seen, with how often.</summary>
    public IReadOnlyDictionary<(string Case, int Status), int> Counts => counts;

    /// <summary>Transport failures (status 0) by kind.</summary>
    public IReadOnlyDictionary<string, int> TransportErrors => transportErrors;

    /// <summary>How many answers had this status.</summary>
    public int WithStatus(int status) => counts.Where(c => c.Key.Status == status).Sum(c => c.Value);

    /// <summary>Total count per status, in status order.</summary>
    public IEnumerable<(int Status, int Count)> ByStatus() =>
        counts.GroupBy(c => c.Key.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(c => c.Value)));

    /// <summary>The cases that got a server error, for a readable assertion message.</summary>
    public IEnumerable<string> CasesWithServerErrors() =>
        counts.Where(c => c.Key.Status >= 500).Select(c => $"{c.Key.Case}: {c.Key.Status} x{c.Value}");

    internal void Add(string hostileCase, (int Status, string? Error) answer)
    {
        counts.AddOrUpdate((hostileCase, answer.Status), 1, (_, n) => n + 1);
        if (answer.Error is not null)
        {
            transportErrors.AddOrUpdate($"{hostileCase}: {answer.Error}", 1, (_, n) => n + 1);
        }
    }
}
