using System.IO;
using System.Text;
using System.Text.Json;
using DeZero.GradBench.Protocol;
using Xunit;

namespace DeZero.GradBench.Tests;

/// <summary>The pieces of the protocol that a session cannot show cheaply.</summary>
public sealed class ProtocolTests
{
    [Fact]
    public void RunsFrom_ObjectWithoutFields_IsOneRunAndOneSecond()
    {
        using JsonDocument input = JsonDocument.Parse("""{"x":[1]}""");

        Assert.Equal(new Runs(1, 1.0), Runs.From(input.RootElement));
    }

    [Fact]
    public void RunsFrom_BareNumber_IsOneRunAndNoMinimumTime()
    {
        using JsonDocument input = JsonDocument.Parse("2.5");

        Assert.Equal(new Runs(1, 0), Runs.From(input.RootElement));
    }

    [Fact]
    public void RunsFrom_GivenFields_AreTaken()
    {
        using JsonDocument input = JsonDocument.Parse("""{"min_runs":7,"min_seconds":0.25}""");

        Assert.Equal(new Runs(7, 0.25), Runs.From(input.RootElement));
    }

    [Fact]
    public void RunsFrom_NegativeSeconds_NamesTheField()
    {
        using JsonDocument input = JsonDocument.Parse("""{"min_seconds":-1}""");

        var error = Assert.Throws<InputException>(() => Runs.From(input.RootElement));
        Assert.Equal("input.min_seconds: expected a non-negative number, got -1", error.Message);
    }

    [Fact]
    public void JsonOutputVector_NonFiniteValues_WritesWhatPythonsJsonReads()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            JsonOutput.Vector(writer, [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1, 1e-300]);
        }

        Assert.Equal("[NaN,Infinity,-Infinity,0.1,1E-300]", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void JsonInputMatrix_RaggedRows_NamesTheRow()
    {
        using JsonDocument input = JsonDocument.Parse("""{"x":[[1,2],[3]]}""");

        var error = Assert.Throws<InputException>(() => JsonInput.Matrix(input.RootElement, "x", -1, -1));
        Assert.Equal("input.x[1]: expected 2 numbers, got 1", error.Message);
    }
}
