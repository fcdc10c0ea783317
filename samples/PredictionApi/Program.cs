using System.Text.Json;
using Declarative.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PredictionApi;

var builder = WebApplication.CreateBuilder(args);

// The model `dotnet build` trained beside the app, as a singleton that swaps in a new model file when one is deployed.
builder.Services.AddDeclarativeModel<IncomeModel>(options => options.ReloadOnChange = true);
builder.Services.AddHealthChecks().AddDeclarativeModelCheck<IncomeModel>();

var app = builder.Build();

// One person in, one typed prediction out: {"predictedLabel": true, "probability": 0.93, "score": 4.1}.
app.MapPost("/predict", (Person person, IncomeModel model) => model.Predict(person));

// A batch: one prediction per person, in order. A null in the array is the client's mistake: 400, naming its index.
app.MapPost("/predict/batch", (Person?[] people, IncomeModel model) =>
    Array.IndexOf(people, null) is var missing and >= 0
        ? Results.Problem($"people[{missing}] is null: send one object per person.", statusCode: StatusCodes.Status400BadRequest)
        : Results.Ok(model.Predict(people!).ToArray()));

// Why: each property's exact contribution to the score, largest first, and typed by property.
// {"baseValue": -1.9, "value": 2.3, "contributions": [{"property": "MaritalStatus", "value": 1.2}, ...], "byProperty": {...}}
app.MapPost("/explain", (Person person, IncomeModel model) => model.Explain(person));

// Which model is served: pipeline, trainer, hashes, load time; degraded while a new model file fails to load.
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth });

app.Run();

static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
{
    context.Response.ContentType = "application/json";
    return context.Response.WriteAsync(JsonSerializer.Serialize(new
    {
        status = report.Status.ToString(),
        models = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description, e.Value.Data }),
    }));
}

/// <summary>The app's entry point, visible to tests that host it (WebApplicationFactory).</summary>
public partial class Program;
