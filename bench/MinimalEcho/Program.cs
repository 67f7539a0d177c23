using System.Text.Json.Nodes;

// Reads an activity and replies to it at its serviceUrl, as a bot must; nothing else.
var app = WebApplication.CreateSlimBuilder(args).Build();
var connector = new HttpClient();
app.MapGet("/healthz", () => Results.Ok());
app.MapPost("/api/messages", async (JsonObject activity) =>
{
    var serviceUrl = new Uri(activity["serviceUrl"]!.GetValue<string>().TrimEnd('/') + "/");
    var conversation = Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>());
    var reply = new JsonObject { ["type"] = "message", ["text"] = $"You said: {activity["text"]}", ["replyToId"] = activity["id"]?.DeepClone() };
    using var sent = await connector.PostAsJsonAsync(new Uri(serviceUrl, $"v3/conversations/{conversation}/activities"), reply);
    return Results.Ok();
});
app.Run();
