using System;
using System.Text.Json;

namespace DeZero.GradBench.Protocol;

/// <summary>Writes outputs as GradBench's evals read them: numbers, arrays of numbers, arrays of rows.</summary>
internal static class JsonOutput
{
    /// <summary>
    /// A double, shortest round-trip; NaN and infinities as Python's <c>json</c> reads them (<c>NaN</c>,
    /// <c>Infinity</c>), since <see cref="Utf8JsonWriter"/> refuses them and the eval should see the value, not a crash.
    /// </summary>
    public static void Number(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteRawValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity", skipInputValidation: true);
        }
    }

    /// <summary>An array of numbers.</summary>
    public static void Vector(Utf8JsonWriter writer, ReadOnlySpan<double> values)
    {
        writer.WriteStartArray();
        foreach (double value in values)
        {
            Number(writer, value);
        }

        writer.WriteEndArray();
    }

    /// <summary>A row-major matrix as an array of <paramref name="rows"/> arrays.</summary>
    public static void Matrix(Utf8JsonWriter writer, ReadOnlySpan<double> values, int rows)
    {
        int columns = rows == 0 ? 0 : values.Length / rows;
        writer.WriteStartArray();
        for (int row = 0; row < rows; row++)
        {
            Vector(writer, values.Slice(row * columns, columns));
        }

        writer.WriteEndArray();
    }
}
