"""Forms of the administrators' pages: 评价年度, 单位, 用户 (Django forms, Chinese labels and messages)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from .models import Department, Role, Year


class YearForm(forms.ModelForm):
    class Meta:
        model = Year
        fields = ["year", "deadline"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"year": {"unique": "该评价年度已存在。"}}

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError("评价年度应为 2000 到 2100 之间的年份。")
        return year


class DeadlineForm(forms.ModelForm):
    class Meta:
        model = Year
        fields = ["deadline"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"})}


class DepartmentForm(forms.ModelForm):
    class Meta:
        model = Department
        fields = ["name", "code", "group"]
        error_messages = {"name": {"unique": "已有同名的单位。"}}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("请填写单位名称。")
        return name

    def clean_group(self):
        return " ".join(self.cleaned_data["group"].split())


class UserForm(forms.Form):
    """Who a user is and what they may do; the same form creates and edits (username fixed once created)."""

    username = forms.RegexField(label="用户名", max_length=150, regex=r"^[\w.@+-]+\Z",
                                error_messages={"invalid": "用户名只能包含字母、数字和 @ . + - _。"})
    full_name = forms.CharField(label="姓名", max_length=150, required=False)
    email = forms.EmailField(label="电子邮箱（收催报邮件，可不填）", required=False,
                             error_messages={"invalid": "电子邮箱格式不对。"})
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    department = forms.ModelChoiceField(label="所在单位", queryset=Department.objects.all(), required=False,
                                        empty_label="（无：审核人、管理员）")

    def __init__(self, *args, editing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if editing is not None:
            self.fields["username"].disabled = True

    def clean_username(self):
        name = self.cleaned_data["username"]
        others = get_user_model().objects.filter(username=name)
        if self.editing is not None:
            others = others.exclude(pk=self.editing.pk)
        if others.exists():
            raise forms.ValidationError("该用户名已被使用。")
        return name

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.FILLER and not data.get("department"):
            self.add_error("department", "填报人必须属于一个单位。")
        if data.get("role") in (Role.REVIEWER, Role.ADMIN):
            data["department"] = None
        return data
