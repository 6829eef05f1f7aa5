using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;

namespace GroupBuyBot.BotApiEmulator.TelegramApi;

/// <summary>Builds Bot API objects (snake_case, nulls left out) exactly as Telegram names them.</summary>
internal static class TelegramJson
{
    public static long UnixTime(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static string ChatType(ChatKind kind) => kind switch
    {
        ChatKind.Private => "private",
        ChatKind.Group => "group",
        _ => "supergroup",
    };

    public static string Status(MemberStatus status) => status switch
    {
        MemberStatus.Creator => "creator",
        MemberStatus.Administrator => "administrator",
        MemberStatus.Member => "member",
        MemberStatus.Kicked => "kicked",
        _ => "left",
    };

    public static JsonObject User(EmulatedUser user)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["is_bot"] = user.IsBot,
            ["first_name"] = user.FirstName,
        };
        AddIfNotNull(json, "last_name", user.LastName);
        AddIfNotNull(json, "username", user.Username);
        AddIfNotNull(json, "language_code", user.LanguageCode);
        return json;
    }

    public static JsonObject Chat(ChatRecord chat, EmulatedUser? privateUser)
    {
        var json = new JsonObject
        {
            ["id"] = chat.Id,
            ["type"] = ChatType(chat.Type),
        };
        AddIfNotNull(json, "title", chat.Title);
        AddIfNotNull(json, "username", chat.Username ?? privateUser?.Username);
        if (privateUser is not null)
        {
            json["first_name"] = privateUser.FirstName;
            AddIfNotNull(json, "last_name", privateUser.LastName);
        }

        if (chat.IsForum)
        {
            json["is_forum"] = true;
        }

        return json;
    }

    public static JsonObject ChatMember(EmulatedUser user, MemberStatus status)
    {
        var json = new JsonObject { ["status"] = Status(status), ["user"] = User(user) };
        switch (status)
        {
            case MemberStatus.Creator:
                json["is_anonymous"] = false;
                break;
            case MemberStatus.Administrator:
                json["can_be_edited"] = false;
                json["is_anonymous"] = false;
                json["can_manage_chat"] = true;
                json["can_delete_messages"] = true;
                json["can_manage_video_chats"] = true;
                json["can_restrict_members"] = true;
                json["can_promote_members"] = false;
                json["can_change_info"] = true;
                json["can_invite_users"] = true;
                json["can_post_stories"] = false;
                json["can_edit_stories"] = false;
                json["can_delete_stories"] = false;
                json["can_pin_messages"] = true;
                break;
            case MemberStatus.Kicked:
                json["until_date"] = 0;
                break;
        }

        return json;
    }

    public static void AddIfNotNull(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
