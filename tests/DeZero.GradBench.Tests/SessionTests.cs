using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace DeZero.GradBench.Tests;

/// <summary>Whole GradBench sessions played through the built tool's standard input, every response checked.</summary>
public sealed class SessionTests
{
    public static TheoryData<string> Evals => new() { "det", "gmm", "llsq", "lse", "lstm", "ode" };

    [Theory]
    [MemberData(nameof(Evals))]
    public void Session_EveryFixtureCase_AnswersAsGradBenchsEvalExpects(string eval)
    {
        var cases = Fixture.Cases(eval);
        (string primal, string derivative) = Derivatives.Functions(eval);
        var messages = new List<string>
        {
            Message(0, new JsonObject { ["kind"] = "start", ["eval"] = eval }),
            Message(1, new JsonObject { ["kind"] = "define", ["module"] = eval }),
        };
        int id = 2;
        foreach (JsonObject testCase in cases)
        {
            JsonObject input = testCase["input"]!.DeepClone().AsObject();
            input["min_runs"] = 2;
            input["min_seconds"] = 0;
            messages.Add(Message(id++, new JsonObject { ["kind"] = "evaluate", ["module"] = eval, ["function"] = primal, ["input"] = input.DeepClone(), ["description"] = "small" }));
            messages.Add(Message(id, new JsonObject { ["kind"] = "analysis", ["of"] = id - 1, ["valid"] = true }));
            id++;
            messages.Add(Message(id++, new JsonObject { ["kind"] = "evaluate", ["module"] = eval, ["function"] = derivative, ["input"] = input }));
        }

        messages.Add(Message(id, new JsonObject { ["kind"] = "end" }));

        var (responses, _) = ToolProcess.Play(messages);

        Assert.Equal(messages.Count, responses.Count);
        for (int i = 0; i < responses.Count; i++)
        {
            Assert.Equal(i, (int)responses[i]["id"]!);
        }

        AssertKeys(responses[0], "id", "tool");
        Assert.Equal("dezero", (string?)responses[0]["tool"]);
        AssertKeys(responses[1], "id", "success");
        Assert.True((bool)responses[1]["success"]!);

        for (int c = 0; c < cases.Count; c++)
        {
            JsonObject primalResponse = responses[2 + 3 * c];
            AssertSuccess(primalResponse, minRuns: 2);
            double[] expected = Fixture.Numbers(cases[c][primal]);
            JsonNode output = primalResponse["output"]!;
            if (eval == "ode")
            {
                Assert.IsType<JsonArray>(output);
            }
            else
            {
                Assert.Equal(JsonValueKind.Number, output.GetValueKind());
            }

            // GradBench's rule at 1e-12: the same operations in the same order, but for FMA contraction in its build.
            Tolerance.AssertClose(expected, Fixture.Numbers(output), 1e-12, $"{eval} case {c} {primal}");

            AssertKeys(responses[3 + 3 * c], "id");

            // The derivative: GradBench's shape (gmm an object of its four arrays, each with the rows of its input; the
            // others one vector), every number against the reference computed independently.
            JsonObject derivativeResponse = responses[4 + 3 * c];
            AssertSuccess(derivativeResponse, minRuns: 2);
            JsonNode derivativeOutput = derivativeResponse["output"]!;
            double[] actual;
            if (eval == "gmm")
            {
                JsonObject jacobian = derivativeOutput.AsObject();
                Assert.Equal(["alpha", "mu", "q", "l"], jacobian.Select(p => p.Key));
                JsonNode gradbench = cases[c][derivative]!;
                foreach (string key in new[] { "mu", "q", "l" })
                {
                    Assert.Equal(gradbench[key]!.AsArray().Count, jacobian[key]!.AsArray().Count);
                }

                actual = new[] { "alpha", "mu", "q", "l" }.SelectMany(key => Fixture.Numbers(jacobian[key])).ToArray();
            }
            else
            {
                Assert.IsType<JsonArray>(derivativeOutput);
                actual = Fixture.Numbers(derivativeOutput);
            }

            Assert.Equal(Derivatives.GradBenchs(eval, cases[c]).Length, actual.Length);
            double[] reference = Derivatives.Expected(eval, cases[c]);
            if (eval == "ode")
            {
                // Far below 1, where GradBench's rule would pass anything: each element within 1e-8 of its own size.
                Tolerance.AssertRelative(reference, actual, 1e-8, $"{eval} case {c} {derivative}");
            }
            else
            {
                Tolerance.AssertClose(reference, actual, 1e-9, $"{eval} case {c} {derivative}");
            }
        }

        AssertKeys(responses[^1], "id");
    }

    [Fact]
    public void Session_Hello_SquaresAndDoublesAsGradBenchsHelloEval()
    {
        var messages = new List<string>
        {
            """{"id":0,"kind":"start","eval":"hello"}""",
            """{"id":1,"kind":"define","module":"hello"}""",
        };
        double x = 1.0;
        var expected = new List<double>();
        for (int i = 0; i < 4; i++)
        {
            double y = x * x;
            messages.Add(Message(messages.Count, new JsonObject { ["kind"] = "evaluate", ["module"] = "hello", ["function"] = "square", ["input"] = x }));
            expected.Add(y);
            x = 2 * y;
            messages.Add(Message(messages.Count, new JsonObject { ["kind"] = "evaluate", ["module"] = "hello", ["function"] = "double", ["input"] = y }));
            expected.Add(x);
        }

        var (responses, _) = ToolProcess.Play(messages);

        Assert.Equal(messages.Count, responses.Count);
        Assert.Equal("""{"id":0,"tool":"dezero"}""", responses[0].ToJsonString());
        Assert.Equal("""{"id":1,"success":true}""", responses[1].ToJsonString());
        for (int i = 0; i < expected.Count; i++)
        {
            JsonObject response = responses[2 + i];
            Assert.Equal(2 + i, (int)response["id"]!);
            // A bare-number input runs once, as GradBench's own tools run it.
            AssertSuccess(response, minRuns: 1, maxRuns: 1);
            Assert.Equal(expected[i], (double)response["output"]!);
        }

        Assert.Equal(32768.0, expected[^1]);
    }

    [Fact]
    public void Session_BadMessages_EachAnsweredWithTheProblemAndTheSessionGoesOn()
    {
        string[] messages =
        [
            "this is not JSON",
            """{"id":3,"kind":"evaluate","module":"lse","function":"primal","input":{"x":[1,2""",
            """[1,2,3]""",
            """{"kind":"start"}""",
            """{"id":4}""",
            """{"id":5,"kind":"define","module":"kmeans"}""",
            """{"id":6,"kind":"evaluate","module":"saddle","function":"primal","input":{}}""",
            """{"id":7,"kind":"evaluate","module":"gmm","function":"objective","input":{"d":2,"n":1,"m":0,"gamma":1}}""",
            """{"id":8,"kind":"evaluate","module":"lse","function":"primal","input":{"x":"1,2"}}""",
            """{"id":9,"kind":"evaluate","module":"lse","function":"primal","input":{"x":[1,"2"]}}""",
            """{"id":10,"kind":"evaluate","module":"lse","function":"hessian","input":{"x":[1]}}""",
            """{"id":11,"kind":"evaluate","module":"lse","function":"primal"}""",
            """{"id":12,"kind":"evaluate","module":"gmm","function":"objective","input":{"d":2,"k":3,"n":1,"m":0,"gamma":1,"alpha":[1,2,3],"mu":[[1,2],[3,4]],"q":[],"l":[],"x":[]}}""",
            """{"id":13,"kind":"evaluate","module":"det","function":"primal","input":{"A":[1,2,3],"ell":2}}""",
            """{"id":14,"kind":"evaluate","module":"lse","function":"primal","input":{"x":[1],"min_runs":-1}}""",
            """{"id":15,"kind":"evaluate","module":"lse","function":"primal","input":{"x":[]}}""",
            "",
            """{"id":16,"kind":"evaluate","module":"lse","function":"primal","input":{"x":[0,0],"min_runs":1,"min_seconds":0}}""",
        ];

        var (responses, log) = ToolProcess.Play(messages);

        (string Id, string Error)[] failures =
        [
            ("null", "malformed JSON"),
            ("3", "malformed JSON"),
            ("null", "a message must be a JSON object, got an array"),
            ("null", "the message has no 'id'"),
            ("4", "the message has no string 'kind'"),
            ("5", "unknown module 'kmeans'; this tool has det, gmm, hello, llsq, lse, lstm, ode"),
            ("6", "unknown module 'saddle'"),
            ("7", "input.k is missing"),
            ("8", "input.x: expected an array of numbers, got a string"),
            ("9", "input.x[1]: expected a number, got a string"),
            ("10", "module 'lse' has no function 'hessian'; it has primal, gradient"),
            ("11", "the evaluate message has no 'input'"),
            ("12", "input.mu: expected 3 rows, got 2"),
            ("13", "input.A: expected 4 numbers, got 3"),
            ("14", "input.min_runs: expected a non-negative integer, got -1"),
            ("15", "input.x: expected at least one number, got none"),
        ];
        Assert.Equal(failures.Length + 1, responses.Count);
        for (int i = 0; i < failures.Length; i++)
        {
            AssertKeys(responses[i], "id", "success", "error");
            Assert.Equal(failures[i].Id, responses[i]["id"]?.ToJsonString() ?? "null");
            Assert.False((bool)responses[i]["success"]!);
            Assert.Contains(failures[i].Error, (string)responses[i]["error"]!);
        }

        // The empty line is no message; the valid one after all the bad ones is served: log(2) exactly as LSE gives it.
        Assert.Equal(16, (int)responses[^1]["id"]!);
        AssertSuccess(responses[^1], minRuns: 1);
        Assert.Equal(System.Math.Log(2), (double)responses[^1]["output"]!);
        Assert.Contains("unknown module 'kmeans'", log);
    }

    [Fact]
    public void Session_SeveralDefines_ServesEachModule()
    {
        string[] messages =
        [
            """{"id":0,"kind":"define","module":"hello"}""",
            """{"id":1,"kind":"define","module":"det"}""",
            """{"id":2,"kind":"evaluate","module":"hello","function":"double","input":3}""",
            """{"id":3,"kind":"evaluate","module":"det","function":"primal","input":{"A":[2,1,1,3],"ell":2,"min_runs":5,"min_seconds":0}}""",
            """{"id":4,"kind":"evaluate","module":"det","function":"primal","input":{"A":[1],"ell":1,"min_runs":1,"min_seconds":0.05}}""",
        ];

        var (responses, _) = ToolProcess.Play(messages);

        Assert.Equal(5, responses.Count);
        Assert.True((bool)responses[0]["success"]!);
        Assert.True((bool)responses[1]["success"]!);
        Assert.Equal(6.0, (double)responses[2]["output"]!);
        Assert.Equal(5.0, (double)responses[3]["output"]!);
        // min_runs 5 and no minimum time: exactly five runs.
        Assert.Equal(5, AssertSuccess(responses[3], minRuns: 5, maxRuns: 5).Length);
        // min_seconds 0.05: runs until 50 ms have been spent in them.
        long[] times = AssertSuccess(responses[4], minRuns: 1);
        Assert.True(times.Sum() >= 50_000_000, $"{times.Length} runs took {times.Sum()} ns in all");
        Assert.Equal(1.0, (double)responses[4]["output"]!);
    }

    private static string Message(int id, JsonObject body)
    {
        var message = new JsonObject { ["id"] = id };
        foreach (var (key, value) in body)
        {
            message[key] = value?.DeepClone();
        }

        return message.ToJsonString();
    }

    private static void AssertKeys(JsonObject response, params string[] keys) =>
        Assert.Equal(keys.Order(), response.Select(p => p.Key).Order());

    // A successful evaluate response: its keys, then timings of one untimed "prepare" and one "evaluate" per run, each an
    // integer count of nanoseconds. Returns the evaluate timings.
    private static long[] AssertSuccess(JsonObject response, int minRuns, int maxRuns = int.MaxValue)
    {
        AssertKeys(response, "id", "success", "output", "timings");
        Assert.True((bool)response["success"]!);
        var timings = response["timings"]!.AsArray().Select(t => t!.AsObject()).ToArray();
        foreach (JsonObject timing in timings)
        {
            AssertKeys(timing, "name", "nanoseconds");
            Assert.True(timing["nanoseconds"]!.GetValue<JsonElement>().TryGetInt64(out long nanoseconds) && nanoseconds >= 0);
        }

        Assert.Equal("prepare", (string?)timings[0]["name"]);
        Assert.All(timings.Skip(1), t => Assert.Equal("evaluate", (string?)t["name"]));
        int runs = timings.Length - 1;
        Assert.InRange(runs, minRuns, maxRuns);
        return timings.Skip(1).Select(t => (long)t["nanoseconds"]!).ToArray();
    }
}
