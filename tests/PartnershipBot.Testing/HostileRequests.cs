using System.Text;
using System.Text.Json.Nodes;

namespace PartnershipBot.Testing;

/// <summary>One request a hostile or broken caller might send to /api/messages.</summary>
/// <param name="Case">What is wrong with it (the tally's key).</param>
/// <param name="Body">The raw bytes sent.</param>
/// <param name="ContentType">The Content-Type header sent.</param>
/// <param name="Chunked">Sent without a Content-Length, so a size limit has to be enforced while reading.</param>
public sealed record HostileRequest(string Case, byte[] Body, string ContentType = "application/json", bool Chunked = false);

/// <summary>
/// Malformed, oversized and wrong-typed activities and card submissions, built from the Teams fixtures so
/// everything but the one broken part is what Teams really sends. Each request gets its own conversation
/// and one of 64 tenants, so the bot's per-conversation Connector limiter is not what is being measured.
/// </summary>
public static class HostileRequests
{
    /// <summary>More than the 256 KB request cap by a wide margin (a careless or malicious upload).</summary>
    public const int OversizedBytes = 5 * 1024 * 1024;

    private static readonly Lazy<string> MessageFixture = new(() => Fixture("01-message-personal.json"));
    private static readonly Lazy<string> InvokeFixture = new(() => Fixture("08-invoke-adaptivecard-action-execute.json"));
    // Built once: rejected on size alone, so its ids don't matter, and rebuilding 5 MB per request would
    // fill this process's array pools and hide the host's own memory behind the load generator's.
    private static readonly Lazy<byte[]> OversizedBody = new(() => Splice(Encoding.UTF8.GetBytes(MessageFixture.Value.Replace("\"text\": \"", "\"text\": \"" + Filler, StringComparison.Ordinal)), OversizedBytes));

    private static readonly (string Name, Func<Context, HostileRequest> Build)[] Builders =
    [
        // Not JSON, or JSON that is not an activity object.
        ("truncated json", c => Raw(c, c.Message().ToJsonString()[..200])),
        ("not json", c => Raw(c, "hello bot")),
        ("empty body", c => Raw(c, string.Empty)),
        ("json null", c => Raw(c, "null")),
        ("activity as array", c => Raw(c, "[" + c.Message().ToJsonString() + "]")),
        ("activity as string", c => Raw(c, "\"message\"")),
        ("invalid utf-8", c => new HostileRequest(c.Case, [.. Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")])),
        ("lone surrogate escape", c => Raw(c, c.Message(a => a["text"] = "PLACEHOLDER").ToJsonString().Replace("PLACEHOLDER", "\\ud800 quorum?", StringComparison.Ordinal))),
        ("deep array nesting", c => Raw(c, c.Message().ToJsonString().Replace("\"text\":", "\"value\":" + new string('[', 5000) + new string(']', 5000) + ",\"text\":", StringComparison.Ordinal))),
        ("deep object nesting", c => Raw(c, c.Message().ToJsonString().Replace("\"text\":", "\"value\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000) + ",\"text\":", StringComparison.Ordinal))),
        ("duplicate type keys", c => Raw(c, c.Message().ToJsonString().Replace("\"type\":\"message\"", "\"type\":\"message\",\"type\":\"invoke\",\"Type\":7", StringComparison.Ordinal))),
        ("number out of range", c => Raw(c, c.Message().ToJsonString().Replace("\"text\":", "\"timestamp\":1e999,\"text\":", StringComparison.Ordinal))),

        // Size.
        ("oversized 5 MB", c => new HostileRequest(c.Case, OversizedBody.Value)),
        ("oversized 5 MB chunked", c => new HostileRequest(c.Case, OversizedBody.Value, Chunked: true)),
        ("text just under the cap", c => new HostileRequest(c.Case, Splice(Encoding.UTF8.GetBytes(c.Message(a => a["text"] = "what is the quorum " + Filler).ToJsonString()), 240 * 1024))),

        // Wrong content type: the body decides, not the header, but neither may break the bot.
        ("wrong content-type text/plain", c => Raw(c, c.Message().ToJsonString()) with { ContentType = "text/plain" }),
        ("xml body", c => Raw(c, "<activity><type>message</type></activity>") with { ContentType = "application/xml" }),
        ("form body", c => Raw(c, "type=message&text=hello") with { ContentType = "application/x-www-form-urlencoded" }),

        // Right shape, wrong types or values.
        ("missing type", c => Json(c, c.Message(a => a.Remove("type")))),
        ("unknown type", c => Json(c, c.Message(a => a["type"] = "hostileEvent"))),
        ("type as number", c => Json(c, c.Message(a => a["type"] = 42))),
        ("text as number", c => Json(c, c.Message(a => a["text"] = 12345))),
        ("text as object", c => Json(c, c.Message(a => a["text"] = new JsonObject { ["quorum"] = true }))),
        ("control characters in text", c => Json(c, c.Message(a => a["text"] = "\u0000\u0001\u001b[31m<at>x</at><at></at>quorum\u202e?"))),
        ("conversation as string", c => Json(c, c.Message(a => a["conversation"] = "a:bench"))),
        ("conversation id as number", c => Json(c, c.Message(a => a["conversation"]!["id"] = 7))),
        ("missing conversation", c => Json(c, c.Message(a => a.Remove("conversation")))),
        ("from as array", c => Json(c, c.Message(a => a["from"] = new JsonArray(1, 2)))),
        ("missing from", c => Json(c, c.Message(a => a.Remove("from")))),
        ("timestamp not a date", c => Json(c, c.Message(a => a["timestamp"] = "yesterday"))),
        ("entities wrong-typed", c => Json(c, c.Message(a => a["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = 5, ["text"] = new JsonObject() })))),
        ("channelData as string", c => Json(c, c.Message(a => a["channelData"] = "tenant"))),
        ("tenant id as array", c => Json(c, c.Message(a => a["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = new JsonArray() } }))),
        ("bad serviceUrl", c => Json(c, c.Message(a => a["serviceUrl"] = "not a url"))),
        ("foreign serviceUrl", c => Json(c, c.Message(a => a["serviceUrl"] = "https://attacker.example.com/"))),
        ("serviceUrl as number", c => Json(c, c.Message(a => a["serviceUrl"] = 3978))),
        ("membersAdded as string", c => Json(c, c.Message(a => { a["type"] = "conversationUpdate"; a["membersAdded"] = "everyone"; }))),
        ("installationUpdate action as number", c => Json(c, c.Message(a => { a["type"] = "installationUpdate"; a["action"] = 5; }))),

        // Card submissions and invokes with garbage.
        ("invoke value as string", c => Json(c, c.Invoke(a => a["value"] = "garbage"))),
        ("invoke value as array", c => Json(c, c.Invoke(a => a["value"] = new JsonArray(1, "two", null)))),
        ("invoke without name", c => Json(c, c.Invoke(a => a.Remove("name")))),
        ("invoke unknown name", c => Json(c, c.Invoke(a => a["name"] = "task/fetch"))),
        ("invoke action wrong-typed", c => Json(c, c.Invoke(a => a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = 5, ["verb"] = new JsonArray(), ["data"] = "x" } }))),
        ("invoke declaration with wrong-typed data", c => Json(c, c.Invoke(a => a["value"] = CardAction("declarations/submit", new JsonObject { ["board"] = 123, ["item"] = new JsonObject { ["x"] = new JsonArray() } })))),
        ("invoke reminder with wrong-typed data", c => Json(c, c.Invoke(a => a["value"] = CardAction("reminders/done", new JsonObject { ["reminderId"] = new JsonArray(1), ["kind"] = 9, ["board"] = null })))),
        ("invoke reminder with unknown id", c => Json(c, c.Invoke(a => a["value"] = CardAction("reminders/done", new JsonObject { ["reminderId"] = "'; DROP TABLE reminders; --", ["kind"] = "paper" })))),
        ("submit declaration with wrong-typed data", c => Json(c, c.Message(a => a["value"] = new JsonObject { ["action"] = "declarations/submit", ["board"] = new JsonObject(), ["item"] = 7 }))),
        ("submit reminder with huge id", c => Json(c, c.Message(a => a["value"] = new JsonObject { ["verb"] = "reminders/done", ["reminderId"] = new string('9', 100_000) }))),
        ("submit value as number", c => Json(c, c.Message(a => a["value"] = 3.14))),
    ];

    /// <summary>How many different cases there are; request <c>n</c> is case <c>n % CaseCount</c>.</summary>
    public static int CaseCount => Builders.Length;

    /// <summary>Request number <paramref name="sequence"/>, aimed at a bot whose replies go to <paramref name="serviceUrl"/>.</summary>
    public static HostileRequest Create(int sequence, string serviceUrl)
    {
        var (name, build) = Builders[sequence % Builders.Length];
        return build(new Context(name, sequence, serviceUrl));
    }

    /// <summary>The control: a well-formed message, as a forged token would carry it.</summary>
    public static HostileRequest WellFormedMessage(int sequence, string serviceUrl) =>
        Json(new Context("well-formed message", sequence, serviceUrl), new Context("well-formed message", sequence, serviceUrl).Message());

    private const string Filler = "@@FILLER@@";

    /// <summary>Replaces the <see cref="Filler"/> marker in <paramref name="json"/> with <paramref name="length"/> letters, without a string that size.</summary>
    private static byte[] Splice(byte[] json, int length)
    {
        var at = json.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Filler));
        var body = new byte[json.Length - Filler.Length + length];
        json.AsSpan(0, at).CopyTo(body);
        body.AsSpan(at, length).Fill((byte)'q');
        json.AsSpan(at + Filler.Length).CopyTo(body.AsSpan(at + length));
        return body;
    }

    private static JsonObject CardAction(string verb, JsonObject data) =>
        new() { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };

    private static HostileRequest Raw(Context context, string body) => new(context.Case, Encoding.UTF8.GetBytes(body));

    private static HostileRequest Json(Context context, JsonObject activity) => Raw(context, activity.ToJsonString());

    private static string Fixture(string name) =>
        File.ReadAllText(RepositoryPaths.Combine("tests", "PartnershipBot.Protocol.Tests", "Fixtures", "activities", name));

    private sealed record Context(string Case, int Sequence, string ServiceUrl)
    {
        public JsonObject Message(Action<JsonObject>? edit = null) => Activity(MessageFixture.Value, edit);

        public JsonObject Invoke(Action<JsonObject>? edit = null) => Activity(InvokeFixture.Value, edit);

        private JsonObject Activity(string fixture, Action<JsonObject>? edit)
        {
            var activity = JsonNode.Parse(fixture)!.AsObject();
            var tenant = $"00000000-0000-0000-0000-{Sequence % 64:D12}";
            activity["serviceUrl"] = ServiceUrl;
            activity["id"] = $"hostile-{Sequence}";
            activity["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = tenant, ["id"] = $"a:hostile-{Sequence}" };
            activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
            edit?.Invoke(activity);
            return activity;
        }
    }
}
