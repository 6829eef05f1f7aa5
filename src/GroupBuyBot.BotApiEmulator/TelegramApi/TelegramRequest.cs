using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GroupBuyBot.BotApiEmulator.TelegramApi;

/// <summary>An uploaded file part of a multipart request.</summary>
internal sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);

/// <summary>
/// The parameters of one Bot API call, whichever way they came: query string, urlencoded or multipart form
/// (Telegram.Bot sends files that way, with nested objects as JSON text) or a JSON body.
/// </summary>
internal sealed class TelegramRequest
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);

    public static async Task<TelegramRequest> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var request = new TelegramRequest();
        foreach (var (name, value) in http.Query)
        {
            request._values[name] = JsonValue.Create(value.ToString());
        }

        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            foreach (var (name, value) in form)
            {
                request._values[name] = JsonValue.Create(value.ToString());
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                request._files[file.Name] = new UploadedFile(file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        else if (http.ContentLength is null or > 0 && http.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(http.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                throw TelegramApiException.BadRequest("can't parse JSON object");
            }

            if (body is JsonObject fields)
            {
                foreach (var (name, value) in fields)
                {
                    request._values[name] = value?.DeepClone();
                }
            }
        }

        return request;
    }

    public bool Has(string name) => _values.TryGetValue(name, out var value) && value is not null;

    public string? GetString(string name) =>
        _values.TryGetValue(name, out var value) && value is not null
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : null;

    public string RequireString(string name) =>
        GetString(name) ?? throw TelegramApiException.BadRequest($"{name} is empty");

    public long? GetLong(string name)
    {
        var text = GetString(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw TelegramApiException.BadRequest($"invalid {name} specified");
    }

    public int? GetInt(string name) => GetLong(name) is { } number ? checked((int)number) : null;

    public bool GetBool(string name) =>
        GetString(name) is { } text && (text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>An object parameter, whether it came as JSON or as JSON text inside a form field.</summary>
    public JsonNode? GetJson(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            return value;
        }

        var text = value.GetValue<string>();
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw TelegramApiException.BadRequest($"can't parse {name} JSON object");
        }
    }

    /// <summary>The file an <c>attach://name</c> parameter refers to, or a part named like the parameter itself.</summary>
    public UploadedFile? GetAttachedFile(string parameter)
    {
        var reference = GetString(parameter);
        if (reference is not null && reference.StartsWith("attach://", StringComparison.Ordinal))
        {
            return _files.GetValueOrDefault(reference["attach://".Length..]);
        }

        return _files.GetValueOrDefault(parameter);
    }
}
