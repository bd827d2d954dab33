<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../ui/app.py" line="68"/>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Community Inbox</source>
        <translation>صندوق وارد المجتمع</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="69"/>
        <source>No X account is connected yet.</source>
        <translation>لم يُربط أي حساب على X بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="71"/>
        <source>Explore the built-in demo: a local copy of X sends realistic public replies and direct messages in Arabic and English. To connect a real account, run:
community-inbox account add-x --name NAME --from-env</source>
        <translation>جرّب العرض التجريبي المدمج: نسخة محلية من X ترسل ردودًا عامة ورسائل خاصة واقعية بالعربية والإنجليزية. لربط حساب حقيقي، شغّل الأمر:
community-inbox account add-x --name NAME --from-env</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="74"/>
        <source>Open the demo</source>
        <translation>فتح العرض التجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="75"/>
        <source>Continue without</source>
        <translation>المتابعة بدونه</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="61"/>
        <source>%1 followers</source>
        <translation>المتابعون: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="63"/>
        <source>verified</source>
        <translation>موثّق</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="65"/>
        <source>on X for %1</source>
        <translation>على X منذ %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="68"/>
        <source>Direct message</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="68"/>
        <source>Public reply</source>
        <translation>رد عام</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="84"/>
        <source>automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="86"/>
        <source>sent on X</source>
        <translation>أُرسل عبر X</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="88"/>
        <source>by %1</source>
        <translation>بواسطة %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54"/>
        <source>Needs reply</source>
        <translation>بانتظار الرد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>All open</source>
        <translation>كل المفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Resolved</source>
        <translation>تم حلها</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66"/>
        <source>Snooze until</source>
        <translation>تأجيل حتى</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>1 hour</source>
        <translation>ساعة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>3 hours</source>
        <translation>3 ساعات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Tomorrow 9:00</source>
        <translation>غدًا الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Next Monday 9:00</source>
        <translation>الاثنين القادم الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Demo</source>
        <translation>عرض تجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>Resolve</source>
        <translation>تم الحل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>Reopen</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Snooze</source>
        <translation>تأجيل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>Select a conversation to read it.</source>
        <translation>اختر محادثة لقراءتها.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Snooze…</source>
        <translation>تأجيل…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Check for new messages</source>
        <translation>التحقق من الرسائل الجديدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>Resolve (Ctrl+E)</source>
        <translation>تم الحل (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>Reopen (Ctrl+Shift+O)</source>
        <translation>إعادة فتح (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>Snooze (Ctrl+Shift+S)</source>
        <translation>تأجيل (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>Snoozed until %1</source>
        <translation>مؤجلة حتى %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Pending</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>Undone</source>
        <translation>تم التراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>Could not do that: %1</source>
        <translation>تعذّر تنفيذ ذلك: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>Conversation resolved</source>
        <translation>تم حل المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
        <source>Conversation reopened</source>
        <translation>أُعيد فتح المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>Choose a time…</source>
        <translation>اختيار وقت…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>Up to date · %1</source>
        <translation>محدَّث · %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="392"/>
        <source>No account connected</source>
        <translation>لا يوجد حساب مربوط</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="93"/>
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="93"/>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="93"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="93"/>
        <source>Waiting</source>
        <translation>الانتظار</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="94"/>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="94"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="123"/>
        <source>DM</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="123"/>
        <source>Public</source>
        <translation>عام</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="33"/>
        <source>%1d %2h</source>
        <translation>%1 ي %2 س</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="35"/>
        <source>%1h %2m</source>
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="37"/>
        <source>%1m</source>
        <translation>%1 د</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="38"/>
        <source>now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="45"/>
        <source>%1 years</source>
        <translation>%1 سنة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="47"/>
        <source>%1 months</source>
        <translation>%1 شهر</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="48"/>
        <source>%1 days</source>
        <translation>%1 يوم</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="54"/>
        <source>Low</source>
        <translation>منخفضة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="55"/>
        <source>Medium</source>
        <translation>متوسطة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="56"/>
        <source>High</source>
        <translation>عالية</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="57"/>
        <source>Urgent</source>
        <translation>عاجلة</translation>
    </message>
</context>
</TS>
