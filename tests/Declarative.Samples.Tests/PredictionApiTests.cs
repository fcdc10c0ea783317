using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using PredictionApi;

namespace Declarative.Samples.Tests;

/// <summary>
/// The ASP.NET Core sample over HTTP, hosted in the test process: real census rows posted as JSON come back with the
/// predictions the trained model file gives them.
/// </summary>
public sealed class PredictionApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly Lazy<IncomeModel> Model = new(() => IncomeModel.Load(Path.Combine(AppContext.BaseDirectory, "IncomeModel.mlnet")));

    [Fact]
    public async Task PostingRealRows_ReturnsTheModelsPredictions()
    {
        using var client = factory.CreateClient();
        var people = ReadPeople().Take(40).ToList();

        foreach (var person in people)
        {
            using var response = await client.PostAsJsonAsync("/predict", person);
            response.EnsureSuccessStatusCode();
            var prediction = await response.Content.ReadFromJsonAsync<IncomeModel.Prediction>();

            var expected = Model.Value.Predict(person);
            Assert.Equal(expected.PredictedLabel, prediction!.PredictedLabel);
            Assert.Equal(expected.Probability, prediction.Probability);
        }

        // The model is not a constant: these rows hold both answers.
        Assert.Equal(2, people.Select(p => Model.Value.Predict(p).PredictedLabel).Distinct().Count());
    }

    [Fact]
    public async Task Explain_ReturnsContributionsThatAddUpToTheScore()
    {
        using var client = factory.CreateClient();

        foreach (var person in ReadPeople().Take(5))
        {
            using var response = await client.PostAsJsonAsync("/explain", person);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            var contributions = root.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("value").GetDouble()).ToArray();
            Assert.Equal(root.GetProperty("value").GetDouble(), root.GetProperty("baseValue").GetDouble() + contributions.Sum(), 5);
            Assert.Equal(Model.Value.Predict(person).Score, root.GetProperty("value").GetDouble(), 4);
            Assert.Equal(Model.Value.Explain(person).ByProperty.Age, root.GetProperty("byProperty").GetProperty("age").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task ABatch_ReturnsOnePredictionPerRowInOrder()
    {
        using var client = factory.CreateClient();
        var people = ReadPeople().Skip(100).Take(25).ToArray();

        using var response = await client.PostAsJsonAsync("/predict/batch", people);
        response.EnsureSuccessStatusCode();
        var predictions = await response.Content.ReadFromJsonAsync<IncomeModel.Prediction[]>();

        Assert.Equal(people.Select(p => Model.Value.Predict(p).Probability), predictions!.Select(p => p.Probability));
    }

    [Fact]
    public async Task ABatchWithANullPerson_Is400_NamingItsIndex()
    {
        using var client = factory.CreateClient();
        var people = ReadPeople().Take(3).Cast<object?>().ToList();
        people.Insert(2, null);

        using var response = await client.PostAsJsonAsync("/predict/batch", people);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("people[2] is null", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHealthEndpoint_NamesTheServedModel()
    {
        using var client = factory.CreateClient();

        using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var data = health.RootElement.GetProperty("models").GetProperty("IncomeModel").GetProperty("Data");
        Assert.Equal("IncomeModel", data.GetProperty("pipeline").GetString());
        Assert.Equal("LightGbm", data.GetProperty("trainer").GetString());
        Assert.Equal(64, data.GetProperty("modelHash").GetString()!.Length);
    }

    [Fact]
    public async Task ARowThatIsNotJson_IsABadRequest()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/predict", new StringContent("{\"age\": \"old\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The census rows as the data file has them (comma and space separated, a header, label last).</summary>
    private static IEnumerable<Person> ReadPeople() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "datasets", "adult", "adult.txt")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(f => f.Trim()).ToArray())
            .Select(f => new Person
            {
                Age = Number(f[0]), Workclass = f[1], Education = f[3], EducationYears = Number(f[4]), MaritalStatus = f[5],
                Occupation = f[6], Relationship = f[7], Ethnicity = f[8], Sex = f[9], CapitalGain = Number(f[10]),
                CapitalLoss = Number(f[11]), HoursPerWeek = Number(f[12]), NativeCountry = f[13], EarnsOver50K = f[14] == "1",
            });

    private static float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);
}
