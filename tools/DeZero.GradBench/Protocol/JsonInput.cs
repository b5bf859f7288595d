using System;
using System.Text.Json;

namespace DeZero.GradBench.Protocol;

/// <summary>Reads an eval's input into plain arrays, naming the field in every error (<c>input.x</c>, <c>input.mu[2]</c>).</summary>
internal static class JsonInput
{
    /// <summary>The object field <paramref name="name"/>, or an <see cref="InputException"/> saying it is missing.</summary>
    public static JsonElement Field(JsonElement input, string name)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"input: expected an object with '{name}', got {Describe(input)}");
        }

        return input.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new InputException($"input.{name} is missing");
    }

    /// <summary>An integer field.</summary>
    public static int Int(JsonElement input, string name)
    {
        JsonElement value = Field(input, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int result)
            ? result
            : throw new InputException($"input.{name}: expected an integer, got {Describe(value)}");
    }

    /// <summary>An integer field that must be at least <paramref name="minimum"/>.</summary>
    public static int Int(JsonElement input, string name, int minimum)
    {
        int value = Int(input, name);
        return value >= minimum ? value : throw new InputException($"input.{name}: expected at least {minimum}, got {value}");
    }

    /// <summary>A number field.</summary>
    public static double Double(JsonElement input, string name) => Number(Field(input, name), $"input.{name}");

    /// <summary>A number, the whole input (<c>hello</c>'s) or one field.</summary>
    public static double Number(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new InputException($"{path}: expected a number, got {Describe(value)}");

    /// <summary>An array of numbers, copied.</summary>
    public static double[] Vector(JsonElement input, string name) => ReadVector(Field(input, name), $"input.{name}", -1);

    /// <summary>An array of exactly <paramref name="length"/> numbers, copied.</summary>
    public static double[] Vector(JsonElement input, string name, int length) => ReadVector(Field(input, name), $"input.{name}", length);

    /// <summary>
    /// An array of <paramref name="rows"/> arrays of <paramref name="columns"/> numbers each (-1: any number, the same
    /// for every row), copied row-major into one array.
    /// </summary>
    public static double[] Matrix(JsonElement input, string name, int rows, int columns) =>
        Matrix(input, name, rows, columns, out _, out _);

    /// <summary>As <see cref="Matrix(JsonElement, string, int, int)"/>, also giving the sizes it found.</summary>
    public static double[] Matrix(JsonElement input, string name, int rows, int columns, out int rowCount, out int columnCount)
    {
        JsonElement value = Field(input, name);
        string path = $"input.{name}";
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InputException($"{path}: expected an array of arrays of numbers, got {Describe(value)}");
        }

        rowCount = value.GetArrayLength();
        if (rows >= 0 && rowCount != rows)
        {
            throw new InputException($"{path}: expected {rows} rows, got {rowCount}");
        }

        columnCount = columns;
        if (columnCount < 0)
        {
            columnCount = rowCount == 0 ? 0 : RowLength(value[0], $"{path}[0]");
        }

        var result = new double[rowCount * columnCount];
        int row = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            string rowPath = $"{path}[{row}]";
            int length = RowLength(element, rowPath);
            if (length != columnCount)
            {
                throw new InputException($"{rowPath}: expected {columnCount} numbers, got {length}");
            }

            Fill(element, rowPath, result.AsSpan(row * columnCount, columnCount));
            row++;
        }

        return result;
    }

    private static double[] ReadVector(JsonElement value, string path, int length)
    {
        int actual = RowLength(value, path);
        if (length >= 0 && actual != length)
        {
            throw new InputException($"{path}: expected {length} numbers, got {actual}");
        }

        var result = new double[actual];
        Fill(value, path, result);
        return result;
    }

    private static int RowLength(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Array
            ? value.GetArrayLength()
            : throw new InputException($"{path}: expected an array of numbers, got {Describe(value)}");

    private static void Fill(JsonElement array, string path, Span<double> destination)
    {
        int i = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            destination[i] = element.ValueKind == JsonValueKind.Number
                ? element.GetDouble()
                : throw new InputException($"{path}[{i}]: expected a number, got {Describe(element)}");
            i++;
        }
    }

    /// <summary>How an error names a value: its JSON kind, so a message never echoes a large input.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
