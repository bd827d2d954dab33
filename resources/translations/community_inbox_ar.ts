<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../ui/app.py" line="68"/>
        <location filename="../../ui/main_window.py" line="121"/>
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
        <location filename="../../ui/composer.py" line="40"/>
        <location filename="../../ui/conversation_view.py" line="78"/>
        <location filename="../../ui/conversation_view.py" line="146"/>
        <source>Public reply</source>
        <translation>رد عام</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="41"/>
        <location filename="../../ui/conversation_view.py" line="78"/>
        <source>Direct message</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="47"/>
        <location filename="../../ui/composer.py" line="48"/>
        <source>Switch between public reply and DM (Ctrl+D)</source>
        <translation>التبديل بين الرد العام والرسالة الخاصة (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="49"/>
        <source>Move to DM</source>
        <translation>نقل إلى الخاص</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="51"/>
        <source>Reply publicly that we are continuing in private, then write the DM</source>
        <translation>رد علني بأننا سنكمل في الخاص، ثم اكتب الرسالة الخاصة</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="54"/>
        <source>Write a reply…</source>
        <translation>اكتب ردًا…</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="64"/>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="65"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>إرسال (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="161"/>
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
        <location filename="../../ui/conversation_view.py" line="114"/>
        <source>X does not allow this reply: the customer has not mentioned us in this thread. Send it as a DM instead.</source>
        <translation>لا يسمح X بهذا الرد: لم يُشر إلينا العميل في هذه السلسلة. أرسله رسالة خاصة بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="116"/>
        <source>X refused it as a duplicate of an earlier post. Change the wording and send again.</source>
        <translation>رفضه X لأنه مكرر لمنشور سابق. غيّر الصياغة وأرسله مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="118"/>
        <source>Too long for X. Shorten it and send again.</source>
        <translation>أطول مما يسمح به X. اختصره وأرسله مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="119"/>
        <source>X no longer accepts this account's credentials. Reconnect the account, then retry.</source>
        <translation>لم يعد X يقبل بيانات اعتماد هذا الحساب. أعد ربط الحساب ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="122"/>
        <source>Not sent: %1</source>
        <translation>لم يُرسَل: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="124"/>
        <location filename="../../ui/conversation_view.py" line="134"/>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="126"/>
        <source>Waiting: X's rate limit is reached; it goes at %1</source>
        <translation>بالانتظار: بلغنا حد الطلبات في X؛ يُرسَل الساعة %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="128"/>
        <source>Waiting: X cannot be reached; next try at %1</source>
        <translation>بالانتظار: تعذّر الوصول إلى X؛ المحاولة التالية الساعة %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="130"/>
        <source>Checking with X whether it went out…</source>
        <translation>نتحقق من X إن كان قد أُرسل…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="133"/>
        <source>Sending in %1 s</source>
        <translation>يُرسَل خلال %1 ث</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="146"/>
        <location filename="../../ui/queue_model.py" line="123"/>
        <source>DM</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="158"/>
        <location filename="../../ui/main_window.py" line="226"/>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="160"/>
        <source>Send as DM</source>
        <translation>أرسله رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="162"/>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="163"/>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>Needs reply</source>
        <translation>بانتظار الرد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>All open</source>
        <translation>كل المفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Resolved</source>
        <translation>تم حلها</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Snooze until</source>
        <translation>تأجيل حتى</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>1 hour</source>
        <translation>ساعة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>3 hours</source>
        <translation>3 ساعات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Tomorrow 9:00</source>
        <translation>غدًا الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Next Monday 9:00</source>
        <translation>الاثنين القادم الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Demo</source>
        <translation>عرض تجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Resolve</source>
        <translation>تم الحل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Reopen</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>Snooze</source>
        <translation>تأجيل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Select a conversation to read it.</source>
        <translation>اختر محادثة لقراءتها.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Snooze…</source>
        <translation>تأجيل…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>Check for new messages</source>
        <translation>التحقق من الرسائل الجديدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Resolve (Ctrl+E)</source>
        <translation>تم الحل (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Reopen (Ctrl+Shift+O)</source>
        <translation>إعادة فتح (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Snooze (Ctrl+Shift+S)</source>
        <translation>تأجيل (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>Snoozed until %1</source>
        <translation>مؤجلة حتى %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Pending</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Undone</source>
        <translation>تم التراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Could not do that: %1</source>
        <translation>تعذّر تنفيذ ذلك: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>Conversation resolved</source>
        <translation>تم حل المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>Conversation reopened</source>
        <translation>أُعيد فتح المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="391"/>
        <source>Choose a time…</source>
        <translation>اختيار وقت…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <source>Up to date · %1</source>
        <translation>محدَّث · %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="430"/>
        <source>No account connected</source>
        <translation>لا يوجد حساب مربوط</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514"/>
        <source>%1 replies waiting to be sent</source>
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
