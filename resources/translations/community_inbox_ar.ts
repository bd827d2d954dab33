<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../ui/app.py" line="70"/>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>Community Inbox</source>
        <translation>صندوق وارد المجتمع</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="71"/>
        <source>No X account is connected yet.</source>
        <translation>لم يُربط أي حساب على X بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="73"/>
        <source>Explore the built-in demo: a local copy of X sends realistic public replies and direct messages in Arabic and English. To connect a real account, run:
community-inbox account add-x --name NAME --from-env</source>
        <translation>جرّب العرض التجريبي المدمج: نسخة محلية من X ترسل ردودًا عامة ورسائل خاصة واقعية بالعربية والإنجليزية. لربط حساب حقيقي، شغّل الأمر:
community-inbox account add-x --name NAME --from-env</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="76"/>
        <source>Open the demo</source>
        <translation>فتح العرض التجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="77"/>
        <source>Continue without</source>
        <translation>المتابعة بدونه</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="41"/>
        <location filename="../../ui/conversation_view.py" line="78"/>
        <location filename="../../ui/conversation_view.py" line="148"/>
        <source>Public reply</source>
        <translation>رد عام</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="42"/>
        <location filename="../../ui/conversation_view.py" line="78"/>
        <source>Direct message</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="48"/>
        <location filename="../../ui/composer.py" line="49"/>
        <source>Switch between public reply and DM (Ctrl+D)</source>
        <translation>التبديل بين الرد العام والرسالة الخاصة (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="50"/>
        <source>Move to DM</source>
        <translation>نقل إلى الخاص</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="52"/>
        <source>Reply publicly that we are continuing in private, then write the DM</source>
        <translation>رد علني بأننا سنكمل في الخاص، ثم اكتب الرسالة الخاصة</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="55"/>
        <source>Write a reply…</source>
        <translation>اكتب ردًا…</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="65"/>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="66"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>إرسال (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="168"/>
        <source>%1 left</source>
        <translation>متبقٍ %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="71"/>
        <source>%1 followers</source>
        <translation>المتابعون: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="73"/>
        <source>verified</source>
        <translation>موثّق</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="75"/>
        <source>on X for %1</source>
        <translation>على X منذ %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="95"/>
        <source>automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="97"/>
        <source>sent on X</source>
        <translation>أُرسل عبر X</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="99"/>
        <source>by %1</source>
        <translation>بواسطة %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="101"/>
        <source>sent</source>
        <translation>أُرسل</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="116"/>
        <source>X does not allow this reply: the customer has not mentioned us in this thread. Send it as a DM instead.</source>
        <translation>لا يسمح X بهذا الرد: لم يُشر إلينا العميل في هذه السلسلة. أرسله رسالة خاصة بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="118"/>
        <source>X refused it as a duplicate of an earlier post. Change the wording and send again.</source>
        <translation>رفضه X لأنه مكرر لمنشور سابق. غيّر الصياغة وأرسله مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="120"/>
        <source>Too long for X. Shorten it and send again.</source>
        <translation>أطول مما يسمح به X. اختصره وأرسله مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="121"/>
        <source>X no longer accepts this account's credentials. Reconnect the account, then retry.</source>
        <translation>لم يعد X يقبل بيانات اعتماد هذا الحساب. أعد ربط الحساب ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="124"/>
        <source>Not sent: %1</source>
        <translation>لم يُرسَل: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="126"/>
        <location filename="../../ui/conversation_view.py" line="136"/>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="128"/>
        <source>Waiting: X's rate limit is reached; it goes at %1</source>
        <translation>بالانتظار: بلغنا حد الطلبات في X؛ يُرسَل الساعة %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="130"/>
        <source>Waiting: X cannot be reached; next try at %1</source>
        <translation>بالانتظار: تعذّر الوصول إلى X؛ المحاولة التالية الساعة %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="132"/>
        <source>Checking with X whether it went out…</source>
        <translation>نتحقق من X إن كان قد أُرسل…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="135"/>
        <source>Sending in %1 s</source>
        <translation>يُرسَل خلال %1 ث</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="148"/>
        <location filename="../../ui/queue_model.py" line="123"/>
        <source>DM</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="160"/>
        <location filename="../../ui/main_window.py" line="238"/>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="162"/>
        <source>Send as DM</source>
        <translation>أرسله رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="164"/>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="165"/>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Needs reply</source>
        <translation>بانتظار الرد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>All open</source>
        <translation>كل المفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <location filename="../../ui/main_window.py" line="322"/>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <location filename="../../ui/main_window.py" line="322"/>
        <source>Resolved</source>
        <translation>تم حلها</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Snooze until</source>
        <translation>تأجيل حتى</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>1 hour</source>
        <translation>ساعة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>3 hours</source>
        <translation>3 ساعات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Tomorrow 9:00</source>
        <translation>غدًا الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>Next Monday 9:00</source>
        <translation>الاثنين القادم الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>Demo</source>
        <translation>عرض تجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Resolve</source>
        <translation>تم الحل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>Reopen</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>Snooze</source>
        <translation>تأجيل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>Select a conversation to read it.</source>
        <translation>اختر محادثة لقراءتها.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>Snooze…</source>
        <translation>تأجيل…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>Check for new messages</source>
        <translation>التحقق من الرسائل الجديدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>Resolve (Ctrl+E)</source>
        <translation>تم الحل (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>Reopen (Ctrl+Shift+O)</source>
        <translation>إعادة فتح (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>Snooze (Ctrl+Shift+S)</source>
        <translation>تأجيل (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>Reply</source>
        <translation>الرد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>Undo window</source>
        <translation>مهلة التراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Off</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>%1 seconds</source>
        <translation>%1 ثوانٍ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>Snoozed until %1</source>
        <translation>مؤجلة حتى %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>Pending</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>Undone</source>
        <translation>تم التراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>Could not do that: %1</source>
        <translation>تعذّر تنفيذ ذلك: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>Conversation resolved</source>
        <translation>تم حل المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>Conversation reopened</source>
        <translation>أُعيد فتح المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>Choose a time…</source>
        <translation>اختيار وقت…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>Up to date · %1</source>
        <translation>محدَّث · %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461"/>
        <source>No account connected</source>
        <translation>لا يوجد حساب مربوط</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545"/>
        <source>Replies waiting to be sent: %1</source>
        <translation>ردود بانتظار الإرسال: %1</translation>
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
        <source>Public</source>
        <translation>عام</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="40"/>
        <source>%1d %2h</source>
        <translation>%1 ي %2 س</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="42"/>
        <source>%1h %2m</source>
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="44"/>
        <source>%1m</source>
        <translation>%1 د</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="45"/>
        <source>now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="52"/>
        <source>%1 years</source>
        <translation>%1 سنة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="54"/>
        <source>%1 months</source>
        <translation>%1 شهر</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="55"/>
        <source>%1 days</source>
        <translation>%1 يوم</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="61"/>
        <source>Low</source>
        <translation>منخفضة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="62"/>
        <source>Medium</source>
        <translation>متوسطة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="63"/>
        <source>High</source>
        <translation>عالية</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="64"/>
        <source>Urgent</source>
        <translation>عاجلة</translation>
    </message>
</context>
</TS>
