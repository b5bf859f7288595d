using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using DeZero.GradBench.Modules;

namespace DeZero.GradBench.Protocol;

/// <summary>
/// GradBench's protocol: one JSON message a line in, one JSON response a line out, until the end of the input. A bad
/// message gets a <c>success: false</c> response naming the problem, and the session goes on.
/// </summary>
internal sealed partial class Session(TextReader input, Stream output, TextWriter log)
{
    /// <summary>The name the tool gives in its <c>start</c> response.</summary>
    public const string ToolName = "dezero";

    /// <summary>Answers every message until the input ends.</summary>
    public void Run()
    {
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            output.Write(Respond(line));
            output.WriteByte((byte)'\n');
            output.Flush();
        }
    }

    /// <summary>The response to one message line, as UTF-8 JSON without the newline.</summary>
    public byte[] Respond(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return Failure(SalvageId(line), $"malformed JSON: {e.Message}");
        }

        using (document)
        {
            JsonElement message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object)
            {
                return Failure("null", $"a message must be a JSON object, got {JsonInput.Describe(message)}");
            }

            if (!message.TryGetProperty("id", out JsonElement idElement))
            {
                return Failure("null", "the message has no 'id'");
            }

            string id = idElement.GetRawText();
            try
            {
                string kind = Text(message, "kind");
                return kind switch
                {
                    "start" => Write(w => { w.WriteRawValue(id, skipInputValidation: true); w.WriteString("tool", ToolName); }),
                    "define" => Define(id, message),
                    "evaluate" => Evaluate(id, message),
                    _ => Write(w => w.WriteRawValue(id, skipInputValidation: true)),
                };
            }
            catch (InputException e)
            {
                log.WriteLine($"dezero: message {id}: {e.Message}");
                return Failure(id, e.Message);
            }
            catch (Exception e)
            {
                // A bug of ours, or sizes too large for this process: the eval hears of it and the session goes on.
                log.WriteLine($"dezero: message {id}: {e}");
                return Failure(id, $"internal error: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private byte[] Define(string id, JsonElement message)
    {
        Module module = FindModule(Text(message, "module"));
        var watch = Stopwatch.StartNew();
        module.Warm();
        log.WriteLine($"dezero: defined '{module.Name}', warmed in {watch.ElapsedMilliseconds} ms");
        return Write(w =>
        {
            w.WriteRawValue(id, skipInputValidation: true);
            w.WriteBoolean("success", true);
        });
    }

    private byte[] Evaluate(string id, JsonElement message)
    {
        Module module = FindModule(Text(message, "module"));
        string function = Text(message, "function");
        if (!message.TryGetProperty("input", out JsonElement input))
        {
            throw new InputException("the evaluate message has no 'input'");
        }

        Runs runs = Runs.From(input);
        long prepareStart = Stopwatch.GetTimestamp();
        PreparedCall call = module.Prepare(function, input);
        long prepareNanoseconds = (long)Math.Round((Stopwatch.GetTimestamp() - prepareStart) * (1e9 / Stopwatch.Frequency));

        // Garbage from parsing is collected now rather than during a timed run.
        GC.Collect();
        List<long> timings;
        try
        {
            timings = runs.Time(call);
        }
        catch (Exception e)
        {
            log.WriteLine($"dezero: message {id}: {e}");
            return Failure(id, $"'{function}' of '{module.Name}' failed: {e.GetType().Name}: {e.Message}");
        }

        return Write(w =>
        {
            w.WriteRawValue(id, skipInputValidation: true);
            w.WriteBoolean("success", true);
            w.WritePropertyName("output");
            call.WriteOutput(w);
            w.WriteStartArray("timings");
            WriteTiming(w, "prepare", prepareNanoseconds);
            foreach (long nanoseconds in timings)
            {
                WriteTiming(w, "evaluate", nanoseconds);
            }

            w.WriteEndArray();
        });
    }

    private static Module FindModule(string name) =>
        ModuleCatalog.Find(name)
        ?? throw new InputException($"unknown module '{name}'; this tool has {string.Join(", ", ModuleCatalog.All.Select(m => m.Name))}");

    private static string Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InputException($"the message has no string '{name}'");

    private static void WriteTiming(Utf8JsonWriter writer, string name, long nanoseconds)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteNumber("nanoseconds", nanoseconds);
        writer.WriteEndObject();
    }

    private static byte[] Failure(string id, string error) => Write(w =>
    {
        w.WriteRawValue(id, skipInputValidation: true);
        w.WriteBoolean("success", false);
        w.WriteString("error", error);
    });

    // Error messages stay readable ('x', <double>) instead of \u0027-escaped; responses are never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Every response is an object whose first member is the id: writeMembers starts with the raw id value, written
    // after its property name here.
    private static byte[] Write(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The id of a line that is not JSON, when it starts as a message does (<c>{"id": 7, …</c>); else <c>null</c>.</summary>
    private static string SalvageId(string line)
    {
        Match match = LeadingId().Match(line);
        return match.Success ? match.Groups[1].Value : "null";
    }

    [GeneratedRegex("""^\s*\{\s*"id"\s*:\s*(-?[0-9]+)\s*[,}]""")]
    private static partial Regex LeadingId();
}
