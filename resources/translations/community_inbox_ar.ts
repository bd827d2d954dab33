<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="49"/>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="50"/>
        <source>Paused</source>
        <translation>متوقف مؤقتًا</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="51"/>
        <source>Needs reconnecting</source>
        <translation>يحتاج إلى إعادة ربط</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="64"/>
        <source>Reconnect %1</source>
        <translation>إعادة ربط %1</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="65"/>
        <source>Connect an X account</source>
        <translation>ربط حساب على X</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="75"/>
        <source>Sign in with X in the browser</source>
        <translation>تسجيل الدخول عبر X في المتصفح</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="79"/>
        <source>Check these keys</source>
        <translation>تحقق من هذه المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="83"/>
        <source>Client ID</source>
        <translation>معرّف العميل (Client ID)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="84"/>
        <source>Client secret (confidential apps only)</source>
        <translation>سر العميل (للتطبيقات السرية فقط)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="88"/>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="88"/>
        <source>API key secret</source>
        <translation>سر مفتاح API</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="88"/>
        <source>Access token</source>
        <translation>رمز الوصول</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="89"/>
        <source>Access token secret</source>
        <translation>سر رمز الوصول</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="93"/>
        <source>Sign in with X (OAuth 2.0)</source>
        <translation>تسجيل الدخول عبر X ‏(OAuth 2.0)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="94"/>
        <source>Paste keys (OAuth 1.0a)</source>
        <translation>لصق المفاتيح (OAuth 1.0a)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="107"/>
        <source>Reconnect</source>
        <translation>إعادة الربط</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="107"/>
        <source>Connect</source>
        <translation>ربط</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="112"/>
        <source>Name in Community Inbox</source>
        <translation>الاسم في صندوق الوارد</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="113"/>
        <source>X API address</source>
        <translation>عنوان واجهة X البرمجية</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="139"/>
        <source>Could not connect: %1</source>
        <translation>تعذّر الربط: %1</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="146"/>
        <source>Enter the app's Client ID from the X developer portal.</source>
        <translation>أدخل معرّف العميل للتطبيق من بوابة مطوري X.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="151"/>
        <source>Waiting for you to approve Community Inbox on X…</source>
        <translation>بانتظار موافقتك على صندوق وارد المجتمع في X…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="158"/>
        <source>All four keys are needed.</source>
        <translation>المفاتيح الأربعة كلها مطلوبة.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="161"/>
        <source>Checking the keys with X…</source>
        <translation>نتحقق من المفاتيح مع X…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="177"/>
        <source>X accepted these credentials: mentions, replies and DMs will work.</source>
        <translation>قبل X بيانات الاعتماد هذه: الإشارات والردود والرسائل الخاصة ستعمل.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="180"/>
        <source>X accepted these credentials, but DMs will not work.</source>
        <translation>قبل X بيانات الاعتماد هذه، لكن الرسائل الخاصة لن تعمل.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="200"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="211"/>
        <source>X accounts</source>
        <translation>حسابات X</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="217"/>
        <location filename="../../ui/saved_replies_dialog.py" line="63"/>
        <location filename="../../ui/saved_reply_form.py" line="174"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="217"/>
        <source>Handle</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="217"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="218"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="227"/>
        <source>Connect an account…</source>
        <translation>ربط حساب…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="228"/>
        <source>Reconnect…</source>
        <translation>إعادة الربط…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="229"/>
        <location filename="../../ui/accounts_dialog.py" line="271"/>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="230"/>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="271"/>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="285"/>
        <source>paused by an admin</source>
        <translation>أوقفه المشرف مؤقتًا</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="295"/>
        <source>Remove account</source>
        <translation>إزالة الحساب</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="296"/>
        <source>Remove %1? Its conversations leave the inbox and its keys are deleted from this computer's keyring.</source>
        <translation>إزالة %1؟ ستخرج محادثاته من صندوق الوارد وتُحذف مفاتيحه من سلسلة مفاتيح هذا الجهاز.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="75"/>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>Community Inbox</source>
        <translation>صندوق وارد المجتمع</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="76"/>
        <source>No X account is connected yet.</source>
        <translation>لم يُربط أي حساب على X بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="78"/>
        <source>Explore the built-in demo: a local copy of X sends realistic public replies and direct messages in Arabic and English. Or connect the team's X account now.</source>
        <translation>جرّب العرض التجريبي المدمج: نسخة محلية من X ترسل ردودًا عامة ورسائل خاصة واقعية بالعربية والإنجليزية. أو اربط حساب الفريق على X الآن.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="80"/>
        <source>Open the demo</source>
        <translation>فتح العرض التجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="81"/>
        <source>Connect an X account…</source>
        <translation>ربط حساب على X…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="82"/>
        <source>Continue without</source>
        <translation>المتابعة بدونه</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="46"/>
        <location filename="../../ui/conversation_view.py" line="78"/>
        <location filename="../../ui/conversation_view.py" line="148"/>
        <source>Public reply</source>
        <translation>رد عام</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="47"/>
        <location filename="../../ui/conversation_view.py" line="78"/>
        <source>Direct message</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="53"/>
        <location filename="../../ui/composer.py" line="54"/>
        <source>Switch between public reply and DM (Ctrl+D)</source>
        <translation>التبديل بين الرد العام والرسالة الخاصة (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="55"/>
        <source>Move to DM</source>
        <translation>نقل إلى الخاص</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="57"/>
        <source>Reply publicly that we are continuing in private, then write the DM</source>
        <translation>رد علني بأننا سنكمل في الخاص، ثم اكتب الرسالة الخاصة</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="60"/>
        <source>Write a reply…</source>
        <translation>اكتب ردًا…</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="78"/>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="79"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>إرسال (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="184"/>
        <source>%1 left</source>
        <translation>متبقٍ %1</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="189"/>
        <source>Fill in %1 before sending: type over it</source>
        <translation>املأ %1 قبل الإرسال: اكتب فوقه</translation>
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
        <location filename="../../ui/main_window.py" line="246"/>
        <location filename="../../ui/main_window.py" line="263"/>
        <location filename="../../ui/saved_replies_dialog.py" line="79"/>
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
        <location filename="../../ui/main_window.py" line="73"/>
        <source>Needs reply</source>
        <translation>بانتظار الرد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>All open</source>
        <translation>كل المفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>Resolved</source>
        <translation>تم حلها</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>Snooze until</source>
        <translation>تأجيل حتى</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>1 hour</source>
        <translation>ساعة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>3 hours</source>
        <translation>3 ساعات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>Tomorrow 9:00</source>
        <translation>غدًا الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>Next Monday 9:00</source>
        <translation>الاثنين القادم الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>Demo</source>
        <translation>عرض تجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Resolve</source>
        <translation>تم الحل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>Reopen</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>Snooze</source>
        <translation>تأجيل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>Select a conversation to read it.</source>
        <translation>اختر محادثة لقراءتها.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>Snooze…</source>
        <translation>تأجيل…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>Check for new messages</source>
        <translation>التحقق من الرسائل الجديدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Accounts</source>
        <translation>الحسابات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Manage X accounts…</source>
        <translation>إدارة حسابات X…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Resolve (Ctrl+E)</source>
        <translation>تم الحل (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Reopen (Ctrl+Shift+O)</source>
        <translation>إعادة فتح (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>Snooze (Ctrl+Shift+S)</source>
        <translation>تأجيل (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Reply</source>
        <translation>الرد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Undo window</source>
        <translation>مهلة التراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Off</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>%1 seconds</source>
        <translation>%1 ثوانٍ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Saved replies…</source>
        <translation>الردود المحفوظة…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>Snoozed until %1</source>
        <translation>مؤجلة حتى %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346"/>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346"/>
        <source>Pending</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>Undone</source>
        <translation>تم التراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="418"/>
        <source>Could not do that: %1</source>
        <translation>تعذّر تنفيذ ذلك: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>Conversation resolved</source>
        <translation>تم حل المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source>Conversation reopened</source>
        <translation>أُعيد فتح المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="447"/>
        <source>Choose a time…</source>
        <translation>اختيار وقت…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="482"/>
        <source>Up to date · %1</source>
        <translation>محدَّث · %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="486"/>
        <source>No account connected</source>
        <translation>لا يوجد حساب مربوط</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="573"/>
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
        <location filename="../../ui/reply_picker.py" line="106"/>
        <source>Enter or Tab inserts, Esc closes; switch the language of the inserted reply (Ctrl+L)</source>
        <translation>Enter أو Tab للإدراج، وEsc للإغلاق؛ لتبديل لغة الرد المُدرج (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/reply_picker.py" line="206"/>
        <source>approved</source>
        <translation>معتمد</translation>
    </message>
    <message>
        <location filename="../../ui/reply_picker.py" line="319"/>
        <source>The inserted reply was edited; insert it again to change its language</source>
        <translation>عُدّل الرد المُدرج؛ أدرجه من جديد لتغيير لغته</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="50"/>
        <location filename="../../ui/saved_replies_dialog.py" line="179"/>
        <source>Saved replies</source>
        <translation>الردود المحفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="58"/>
        <source>Search by shortcut, name or text</source>
        <translation>ابحث بالاختصار أو الاسم أو النص</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="63"/>
        <location filename="../../ui/saved_reply_form.py" line="175"/>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="63"/>
        <location filename="../../ui/saved_reply_form.py" line="176"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="63"/>
        <source>Uses</source>
        <translation>مرات الاستخدام</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="69"/>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="70"/>
        <source>Duplicate</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="71"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="72"/>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="73"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="75"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="148"/>
        <source>only me</source>
        <translation>لي فقط</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="156"/>
        <source>Approved statement</source>
        <translation>بيان معتمد</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="180"/>
        <source>Discard the changes you have not saved?</source>
        <translation>تجاهل التغييرات غير المحفوظة؟</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="219"/>
        <source>New saved reply: fill in a name, a shortcut and its text.</source>
        <translation>رد محفوظ جديد: اكتب اسمًا واختصارًا ونص الرد.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="232"/>
        <source>Saved “%1”.</source>
        <translation>حُفظ «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="244"/>
        <source>Duplicated as /%1: rename it and change what differs.</source>
        <translation>نُسخ باسم ‎/%1: غيّر اسمه وعدّل ما يختلف.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="260"/>
        <source>Deleted “%1”.</source>
        <translation>حُذف «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="275"/>
        <source>Restored “%1”.</source>
        <translation>استُعيد «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="286"/>
        <source>Import saved replies</source>
        <translation>استيراد الردود المحفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="287"/>
        <location filename="../../ui/saved_replies_dialog.py" line="305"/>
        <source>Saved replies (*.json)</source>
        <translation>الردود المحفوظة (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="297"/>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>تم الاستيراد: %1 جديد، و%2 محدَّث.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="303"/>
        <source>Export saved replies</source>
        <translation>تصدير الردود المحفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="314"/>
        <source>Could not write %1: %2</source>
        <translation>تعذّرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="317"/>
        <source>Exported %1 saved replies to %2.</source>
        <translation>صُدّر %1 من الردود المحفوظة إلى %2.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="37"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="37"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="59"/>
        <source>The reply in this language; variables: {{contact.name}}, {{contact.handle}}, {{agent.name}}, {{account.handle}}, with a fallback: {{contact.name|there}}</source>
        <translation>نص الرد بهذه اللغة؛ المتغيرات: {{contact.name}} و{{contact.handle}} و{{agent.name}} و{{account.handle}}، ومع قيمة بديلة: {{contact.name|there}}</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="75"/>
        <source>Preview for a sample customer:</source>
        <translation>معاينة لعميل نموذجي:</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="86"/>
        <source>(no text in this language)</source>
        <translation>(لا يوجد نص بهذه اللغة)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="92"/>
        <source>X length: %1 of %2</source>
        <translation>الطول في X: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="95"/>
        <source>Too long for a public reply: it can only be sent as a DM.</source>
        <translation>أطول من المسموح للرد العام: لا يُرسل إلا في رسالة خاصة.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="99"/>
        <source>May not fit a public reply: up to %1 of %2 for customers with long names.</source>
        <translation>قد لا يتسع في رد عام: يصل إلى %1 من %2 للعملاء ذوي الأسماء الطويلة.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="134"/>
        <source>Name: %1</source>
        <translation>الاسم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="136"/>
        <source>Shortcut: %1</source>
        <translation>الاختصار: %1</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="138"/>
        <source>Languages: %1</source>
        <translation>اللغات: %1</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="141"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="142"/>
        <source>%1, character %2: %3</source>
        <translation>%1، الحرف %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="158"/>
        <source>e.g. order-dm (typed as /order-dm)</source>
        <translation>مثلاً order-dm (يُكتب ‎/order-dm)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="162"/>
        <source>Shared with the team</source>
        <translation>مشترك مع الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="163"/>
        <source>Personal (only me)</source>
        <translation>شخصي (لي فقط)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="164"/>
        <source>Approved statement (the wording crisis mode keeps everyone on)</source>
        <translation>بيان معتمد (الصياغة التي يلتزم بها الجميع في وضع الأزمات)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="177"/>
        <source>Who sees it</source>
        <translation>من يراه</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="223"/>
        <source>Not used yet.</source>
        <translation>لم يُستخدم بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="226"/>
        <source>Used %1 times: %2</source>
        <translation>استُخدم %1 مرة: %2</translation>
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
