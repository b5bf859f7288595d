using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeZero.GradBench.Tests;

/// <summary>
/// <c>Fixtures/gradbench-reference.json</c>: small inputs of each eval with the outputs GradBench's own C++ tool gave for
/// them, run by hand outside the repository (its <c>source</c> field says how).
/// </summary>
internal static class Fixture
{
    private static readonly Lazy<JsonObject> Evals = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gradbench-reference.json")))!["evals"]!.AsObject());

    /// <summary>The cases of one eval: each an object with <c>input</c> and one entry per function.</summary>
    public static IReadOnlyList<JsonObject> Cases(string eval) => Evals.Value[eval]!.AsArray().Select(c => c!.AsObject()).ToArray();

    /// <summary>One case's input as a parsed element, as the tool's parsers take it.</summary>
    public static JsonElement Input(JsonObject testCase) => JsonSerializer.SerializeToElement(testCase["input"]);

    /// <summary>An array of numbers, flattening arrays of rows row by row.</summary>
    public static double[] Numbers(JsonNode? node) => node switch
    {
        JsonArray array => array.SelectMany(Numbers).ToArray(),
        JsonValue value => [value.GetValue<double>()],
        _ => throw new InvalidDataException("expected numbers"),
    };
}
